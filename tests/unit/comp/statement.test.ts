// Payout statement CSV: spreadsheet formula injection is defused, quoting is RFC 4180.
import { describe, expect, it } from 'vitest';
import { csvCell, statementCsv } from '../../../src/features/comp/statement';
import type { RepRow } from '../../../src/features/comp/core/results';
import { quarterIndexOf } from '../../../src/features/comp/core/periods';

describe('statement CSV', () => {
  it('prefixes text that a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('Smith, Jo')).toBe('"Smith, Jo"');
    expect(csvCell('Ann')).toBe('Ann');
  });
  it('writes one line per quarter with dollars and negative deductions', () => {
    const row: RepRow = {
      rep: '=cmd|x',
      team: 'East',
      role: 'AE',
      period: quarterIndexOf('2024-04-01'),
      bookingsCents: 4_300_000,
      quotaCents: 5_000_000,
      attainment: 0.86,
      baseCents: 1_250_000,
      targetIncentiveCents: 1_250_000,
      commissionCents: 1_075_000,
      cappedOffCents: 0,
      spifCents: 0,
      clawbackCents: 45_000,
      recoveredCents: 0,
      drawTopUpCents: 0,
      variableCents: 1_030_000,
      payoutCents: 2_280_000,
      balanceCents: 0,
      belowThreshold: false,
      effectiveRate: 0.2395,
      potentialCents: null,
    };
    const lines = statementCsv([row]).split('\r\n');
    expect(lines[0]).toBe(
      'rep,team,role,quarter,quota,bookings,attainment,base,commission,capped_off,spif,clawback,recovered,draw_top_up,variable_paid,total_paid,balance_owed',
    );
    expect(lines[1]).toBe(
      "'=cmd|x,East,AE,2024-Q2,50000.00,43000.00,0.8600,12500.00,10750.00,0.00,0.00,-450.00,0.00,0.00,10300.00,22800.00,0.00",
    );
  });
});
