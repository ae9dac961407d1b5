// Counts in words: thousands separators and the right plural ("1 won deal", "3,001 won deals").
import { format } from 'd3';

export const COUNT = format(',d');

export function plural(n: number, one: string, many: string): string {
  return `${COUNT(n)} ${n === 1 ? one : many}`;
}

export const wonDeals = (n: number): string => plural(n, 'won deal', 'won deals');
