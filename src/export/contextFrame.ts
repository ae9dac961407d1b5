// Frames an exported chart with its context (docs/exports.md): a title, the context lines
// (period, filters, data, as of) above it and its legend, so a PNG or SVG pasted into a
// deck still says what it shows. The chart itself is nested unchanged below the header.
import type { ExportContext } from './context';

const NS = 'http://www.w3.org/2000/svg';
const LINE = 15;
/** An average glyph width of the 11 px sans-serif lines, to wrap long filter lists. */
const CHAR = 6.2;

export interface LegendItem {
  readonly label: string;
  readonly colour: string;
}

/** The legend entries drawn beside a chart (`.legend` elements of its figure), with their swatch colour. */
export function legendOf(svg: SVGSVGElement): LegendItem[] {
  const figure = svg.closest('figure, .export-panel');
  return [...(figure?.querySelectorAll('.legend') ?? [])].map((el) => {
    const swatch = el.querySelector('.swatch');
    const style = swatch ? getComputedStyle(swatch) : null;
    const fill = style?.backgroundColor;
    const colour = fill && fill !== 'rgba(0, 0, 0, 0)' ? fill : (style?.borderTopColor ?? '#000');
    return { label: (el.textContent ?? '').trim(), colour };
  });
}

function wrap(text: string, width: number): string[] {
  const max = Math.max(20, Math.floor(width / CHAR));
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && (line + ' ' + word).length > max) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  return out;
}

function el(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A new <svg> holding the header (title, context, legend) and `chart` (a styled clone) below it. */
export function framed(
  chart: SVGSVGElement,
  size: { width: number; height: number },
  title: string,
  context: ExportContext,
  legend: readonly LegendItem[],
): SVGSVGElement {
  const width = Math.max(size.width, 320);
  const lines = context.lines.flatMap((l) => wrap(l, width - 16));
  const header = 24 + lines.length * LINE + (legend.length > 0 ? LINE + 4 : 0) + 8;
  const height = header + size.height;
  const root = el('svg', { xmlns: NS, width, height, viewBox: `0 0 ${width} ${height}` });
  if (!(root instanceof SVGSVGElement)) throw new Error('Could not create an SVG element.');
  // Presentation attributes, not style="": the page's CSP refuses inline style attributes.
  const font = { 'font-family': 'system-ui, sans-serif' };
  root.append(el('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  root.append(el('text', { x: 8, y: 18, ...font, 'font-size': 14, 'font-weight': 600, fill: '#1d232b' }, title));
  lines.forEach((l, i) =>
    root.append(el('text', { x: 8, y: 24 + (i + 1) * LINE - 3, ...font, 'font-size': 11, fill: '#444444' }, l)),
  );
  let x = 8;
  const y = 24 + lines.length * LINE + 4;
  for (const item of legend) {
    root.append(el('rect', { x, y, width: 10, height: 10, fill: item.colour }));
    root.append(el('text', { x: x + 14, y: y + 9, ...font, 'font-size': 11, fill: '#1d232b' }, item.label));
    x += 14 + item.label.length * CHAR + 16;
  }
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(header));
  chart.setAttribute('width', String(size.width));
  chart.setAttribute('height', String(size.height));
  root.append(chart);
  return root;
}
