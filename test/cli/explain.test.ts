/**
 * End to end: `payrecon explain` on fixtures/small. The explanation shows
 * the inputs, every Worksheet 1A line with the hand-checked values of
 * fixtures/small/README.md, and the rule file, parameter and cited source.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, runCliAsync, type CliResult } from '../helpers/cli.js';

const RULES = ['--rules', 'rules/us/federal-2026.yaml'];
const explain = (id: string, date: string, ...extra: string[]) => runCliAsync(['explain', 'fixtures/small', '--employee', id, '--pay-date', date, ...RULES, ...extra]);

/** The lines of one item's section (from its title line to the next blank line). */
function section(out: string, item: string): string[] {
  const lines = out.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`${item} — `));
  expect(start, `section ${item}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  return lines.slice(start, end < 0 ? undefined : end);
}
const has = (lines: string[], re: RegExp) => expect(lines.some((l) => re.test(l)), `${re} in\n${lines.join('\n')}`).toBe(true);

describe('payrecon explain fixtures/small', () => {
  let cara: CliResult, ada: CliResult, dee: CliResult, pii: CliResult, noSlip: CliResult, unknown: CliResult, badDate: CliResult;
  beforeAll(async () => {
    ensureBuilt();
    [cara, ada, dee, pii, noSlip, unknown, badDate] = await Promise.all([
      explain('S03', '2026-11-30'),
      explain('S01', '2026-11-13'),
      explain('S04', '2026-11-13'),
      explain('S03', '2026-11-30', '--show-pii'),
      explain('S03', '2026-11-13'),
      explain('S99', '2026-11-13'),
      explain('S01', '13/11/2026'),
    ]);
  });

  it('exits 0 and heads the payslip with employee, pay date and period; the SSN masked unless --show-pii', () => {
    expect(cara.status).toBe(0);
    expect(cara.stderr).toBe('');
    expect(cara.stdout).toContain('Payslip of S03 (Cara Diaz), pay date 2026-11-30, period 2026-11-01 to 2026-11-30');
    expect(cara.stdout).toContain('***-**-0003');
    expect(cara.stdout).not.toContain('900-11-0003');
    expect(pii.stdout).toContain('900-11-0003');
  });

  it('lists the inputs used, with the employees.csv line', () => {
    const inputs = section(cara.stdout.replace('\nInputs\n', '\nInputs — \n'), 'Inputs');
    has(inputs, /Employee: S03 \(Cara Diaz\)\s+\[employees\.csv line 4\]/);
    has(inputs, /Pay: salaried, 240000\.00 a year, paid monthly/);
  });

  it('us.fit: every Worksheet 1A line of the Step 2 computation (README: 5,463.91)', () => {
    const fit = section(cara.stdout, 'us.fit');
    expect(fit[0]).toMatch(/^us\.fit — .*: 5463\.91$/);
    has(fit, /^\s+1a Taxable wages this payroll period: 20000\.00$/);
    has(fit, /^\s+1b Pay periods per year \(Table 3\): 12\b/);
    has(fit, /^\s+1c .*: 240000$/);
    has(fit, /^\s+1g Step 2 box checked.*: 0\.00/);
    has(fit, /^\s+1i Adjusted Annual Wage Amount.*: 240000$/);
    has(fit, /^\s+2a-2d Annual table \(Step 2 checkbox single\), row 7: at least 136163\.00, less than 328350\.00; C 29224\.00; D 35%/);
    has(fit, /^\s+2e .*: 103837$/);
    has(fit, /^\s+2f .*: 36342\.95$/);
    has(fit, /^\s+2g Tentative Annual Withholding Amount.*: 65566\.95$/);
    has(fit, /^\s+2h Tentative Withholding Amount.*: 5463\.9125$/);
    has(fit, /^\s+3c .*: 5463\.9125$/);
    has(fit, /^\s+4b Amount to withhold.*: 5463\.9125$/);
    has(fit, /rounded to the cent.*: 5463\.91$/);
  });

  it('names the rule file, the parameter and the cited source behind the figures', () => {
    const fit = section(cara.stdout, 'us.fit');
    has(fit, /^\s+rule: \S*federal-2026\.yaml:\d+ us\.fit \(us_fit_percentage_automated\) — .*IRS Publication 15-T \(2026\)/);
    has(fit, /2a-2d .*\[\S*federal-2026\.yaml:\d+ fit\.step2 \(IRS Publication 15-T \(2026\).*Step 2 Checkbox/);
    has(fit, /1b .*\[\S*federal-2026\.yaml:\d+ fit\.periods_per_year \(.*Table 3\)/);
    const ss = section(cara.stdout, 'us.ss.ee');
    has(ss, /Annual wage base: 184500\.00\s+\[\S*federal-2026\.yaml:\d+ ss\.wage_base \(Social Security Administration/);
  });

  it('Social Security and Additional Medicare show the year-to-date crossing (93.00 on 1,500; 27.00 on 3,000)', () => {
    const ss = section(cara.stdout, 'us.ss.ee');
    expect(ss[0]).toMatch(/: 93\.00$/);
    has(ss, /Taxable wages earlier this year \(us\.ss\.ee\.wages\): 183000\.00/);
    has(ss, /Room left under the wage base: 1500\.00/);
    const addl = section(cara.stdout, 'us.medicare_addl.ee');
    expect(addl[0]).toMatch(/: 27\.00$/);
    has(addl, /Year-to-date wages before this period \(us\.medicare\.ee\.wages\): 183000\.00/);
    has(addl, /above the threshold: 3000\.00/);
    const net = section(cara.stdout, 'net_pay');
    has(net, /20000\.00 − 0\.00 − 5873\.91 = 14126\.09/);
  });

  it('overtime: the weighted regular rate of the two-rate week and the FLSA rule cited (870.83)', () => {
    expect(ada.status).toBe(0);
    const gross = section(ada.stdout, 'gross');
    expect(gross[0]).toMatch(/: 870\.83$/);
    has(gross, /rule: .*us\.overtime \(flsa_weekly\).*29 CFR §778\.115/);
    has(gross, /Workweek 2026-11-01 to 2026-11-07: 45 hours worked/);
    has(gross, /Overtime hours: 5\b/);
    has(gross, /Regular rate.*: 18\.333333$/);
    has(gross, /Regular pay.*: 733\.33$/);
    has(gross, /Overtime pay.*: 137\.50$/);
  });

  it('a 2019-or-earlier W-4 shows lines 1j-1l, and the Section 125 reduction of the wages (66.48)', () => {
    expect(dee.status).toBe(0);
    const fit = section(dee.stdout, 'us.fit');
    expect(fit[0]).toMatch(/: 66\.48$/);
    has(fit, /Wages for us\.fit: gross less sec125: 1170\.00/);
    has(fit, /^\s+1j Allowances.*: 2$/);
    has(fit, /^\s+1k .*: 8600\.00\s+\[\S*federal-2026\.yaml:\d+ fit\.allowance_value \(.*line 1k\)/);
    has(fit, /^\s+1l Adjusted Annual Wage Amount.*: 52240$/);
    has(fit, /2a-2d Annual table \(standard married jointly\), row 3: at least 44100\.00/);
  });

  it('no payslip on that date: exit 1 with a message; unknown employee or a bad date: exit 2; never a stack trace', () => {
    expect(noSlip.status).toBe(1);
    expect(noSlip.stderr).toContain('S03 has no payslip on 2026-11-13');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('"S99"');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--pay-date');
    for (const r of [noSlip, unknown, badDate]) expect(r.stderr).not.toMatch(/^\s+at /m);
  });
});
