// Builds fixtures/demo/register.csv: the demo company's payroll register as a
// US provider would deliver it (layout: fixtures/demo/register-profile.yaml,
// a copy of fixtures/profiles/us-provider.yaml), derived from payrecon's own
// expected register with deliberately seeded errors of the kinds real payroll
// audits find. Rebuild with:
//
//   node scripts/make-demo-register.mjs
//
// Each seed changes only the figures the error touches and what follows from
// them on the same payslip (gross, net pay); SEEDS below lists them, and
// test/reconcile/demo.test.ts checks that `payrecon reconcile fixtures/demo`
// reports exactly these and nothing else.
import { execSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
try {
  execSync('node scripts/prepare.mjs', { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
} catch {
  console.error('make-demo-register: the TypeScript build reported errors; using dist/ as emitted');
}
const dist = (p) => import(pathToFileURL(join(root, 'dist/src', p)).href);

const { loadCompany } = await dist('io/loadCompany.js');
const { computeCompany } = await dist('calc/computeCompany.js');
const { RuleBook, loadRuleFile, findRuleFiles, bundledRulesDir } = await dist('rules/index.js');
await dist('calc/methods/index.js');
const { Decimal } = await dist('money/index.js');

const demo = join(root, 'fixtures/demo');
const rulesDir = bundledRulesDir();

/** What each seed does, to whom. Exported as JSON next to the register for the test. */
export const SEEDS = [
  { id: 'overtime-straight-time', employee_id: 'E001', pay_date: '2026-01-23', code: 'AMOUNT_MISMATCH', items: ['overtime_pay'], what: 'overtime paid at 1.0x instead of 1.5x the regular rate' },
  { id: 'ss-wage-base', employee_id: 'E017', pay_date: '2026-01-30', code: 'AMOUNT_MISMATCH', items: ['us.ss.ee'], wages: ['us.ss.ee.wages'], what: 'Social Security withheld on wages above the 2026 wage base' },
  { id: 'w4-step2-ignored', employee_id: 'E007', pay_date: '2026-01-16', code: 'AMOUNT_MISMATCH', items: ['us.fit'], what: "the 2020+ W-4's Step 2 (multiple jobs) checkbox ignored" },
  { id: 'prior-year-tables', employee_id: 'E011', pay_date: '2026-01-30', code: 'AMOUNT_MISMATCH', items: ['us.fit'], what: 'federal income tax withheld with the 2025 tables' },
  {
    id: '401k-out-of-fica',
    employee_id: 'E002',
    pay_date: '2026-02-13',
    code: 'AMOUNT_MISMATCH',
    items: ['us.ss.ee', 'us.medicare.ee+us.medicare_addl.ee'],
    wages: ['us.ss.ee.wages', 'us.medicare.ee.wages'],
    what: 'the 401(k) deferral taken out of Social Security and Medicare wages',
  },
  { id: 'paid-after-termination', employee_id: 'E021', pay_date: '2026-02-27', code: 'PAID_AFTER_TERMINATION', items: [''], what: 'terminated 2026-02-04 (final paycheck 2026-02-13), still paid for 2026-02-08 to 2026-02-21' },
  { id: 'missing-payslip', employee_id: 'E008', pay_date: '2026-02-20', code: 'MISSING_IN_REGISTER', items: [''], what: 'payslip left out of the register' },
  { id: 'duplicate-row', employee_id: 'E019', pay_date: '2026-01-30', code: 'DUPLICATE_IN_REGISTER', items: [''], what: 'the bonus check appears twice' },
];

// ── Expected register, and the two what-if computations the seeds need ──────
const company = await loadCompany(demo);
const { book, problems } = RuleBook.load([rulesDir]);
if (!book) throw new Error(`the bundled rules do not load:\n${problems.map((p) => `  ${p.file}:${p.line}: ${p.message}`).join('\n')}`);
const expected = computeCompany(company, book).rows;
const find = (rows, id, date) => {
  const r = rows.find((x) => x.employee_id === id && x.pay_date === date);
  if (!r) throw new Error(`no expected payslip for ${id} on ${date}`);
  return r;
};

// Step 2 ignored: the same company with E007's Step 2 box unticked.
const step2Company = await loadCompany(demo);
for (const v of step2Company.employees.get('E007')) v.fed_step2 = false;
const step2Rows = computeCompany(step2Company, book, { employee: 'E007' }).rows;

// Prior-year tables: the 2025 federal rule file, its dates moved to 2026, in place of the 2026 file.
const files = findRuleFiles([rulesDir]).filter((p) => !p.endsWith('federal-2026.yaml'));
const loaded = files.map((p) => {
  const text = p.endsWith('federal-2025.yaml') ? readFileSync(p, 'utf8').replaceAll('2025-01-01', '2026-01-01').replaceAll('2025-12-31', '2026-12-31') : undefined;
  const r = loadRuleFile(p, text);
  if (!r.ok) throw new Error(r.problems.map((x) => x.message).join('\n'));
  return r.file;
});
const priorRows = computeCompany(company, new RuleBook(loaded), { employee: 'E011' }).rows;

// ── Register rows (canonical items first, then the layout) ───────────────────
const D = (s) => new Decimal(s);
const rows = expected.map((r) => ({ ...r, values: new Map(r.values) }));
const get = (r, k) => r.values.get(k) ?? D(0);
const set = (r, k, v) => r.values.set(k, v.toDecimalPlaces(2));
const adjustNet = (r, delta) => set(r, 'net_pay', get(r, 'net_pay').plus(delta));
const seedRow = (id, date) => find(rows, id, date);

{
  const r = seedRow('E001', '2026-01-23');
  if (!get(r, 'overtime_pay').gt(0)) throw new Error('E001 has no overtime on 2026-01-23 any more: pick another overtime payslip');
  const paid = get(r, 'overtime_pay').div(1.5).toDecimalPlaces(2);
  const delta = paid.minus(get(r, 'overtime_pay'));
  set(r, 'overtime_pay', paid);
  set(r, 'gross', get(r, 'gross').plus(delta));
  adjustNet(r, delta);
}
{
  const r = seedRow('E017', '2026-01-30');
  const wages = get(r, 'us.medicare.ee.wages'); // FICA wages before the base cut in
  const ss = wages.times(D('0.062')).toDecimalPlaces(2);
  adjustNet(r, get(r, 'us.ss.ee').minus(ss));
  set(r, 'us.ss.ee', ss);
  set(r, 'us.ss.ee.wages', wages);
}
for (const [id, date, whatIf] of [['E007', '2026-01-16', step2Rows], ['E011', '2026-01-30', priorRows]]) {
  const r = seedRow(id, date);
  const fit = get(find(whatIf, id, date), 'us.fit');
  if (fit.equals(get(r, 'us.fit'))) throw new Error(`seed for ${id} ${date} makes no difference`);
  adjustNet(r, get(r, 'us.fit').minus(fit));
  set(r, 'us.fit', fit);
}
{
  const r = seedRow('E002', '2026-02-13');
  const k = get(r, 'ded.401k');
  const ssW = get(r, 'us.ss.ee.wages').minus(k);
  const medW = get(r, 'us.medicare.ee.wages').minus(k);
  const ss = ssW.times(D('0.062')).toDecimalPlaces(2);
  const med = medW.times(D('0.0145')).toDecimalPlaces(2);
  adjustNet(r, get(r, 'us.ss.ee').minus(ss).plus(get(r, 'us.medicare.ee').minus(med)));
  set(r, 'us.ss.ee', ss);
  set(r, 'us.medicare.ee', med);
  set(r, 'us.ss.ee.wages', ssW);
  set(r, 'us.medicare.ee.wages', medW);
}
{
  // E021's regular biweekly pay, one period after the final paycheck.
  const r = { ...seedRow('E021', '2026-01-30'), pay_date: '2026-02-27', period_start: '2026-02-08', period_end: '2026-02-21' };
  r.values = new Map(r.values);
  rows.push(r);
}
rows.splice(rows.indexOf(seedRow('E008', '2026-02-20')), 1);
{
  const r = seedRow('E019', '2026-01-30');
  rows.splice(rows.indexOf(r) + 1, 0, r);
}

// ── Write it in the provider's layout ────────────────────────────────────────
const profile = join(root, 'fixtures/profiles/us-provider.yaml');
copyFileSync(profile, join(demo, 'register-profile.yaml'));
const names = new Map([...company.employees].map(([id, v]) => [id, v.at(-1).name ?? '']));
const us = (iso) => `${iso.slice(5, 7)}/${iso.slice(8, 10)}/${iso.slice(0, 4)}`;
const money = (d) => {
  const [i, f] = d.toFixed(2).replace('-', '').split('.');
  return `${d.isNegative() && !d.isZero() ? '-' : ''}${i.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
};
const hours = (d) => d.toFixed(2);
const cell = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const header = ['File #', 'Employee Name', 'Check Date', 'Period Begin', 'Period End', 'Reg Hours', 'O/T Hours', 'Regular Earnings', 'O/T Earnings', 'Gross Pay', 'Federal Income Tax', 'Social Security', 'Medicare', 'State Income Tax', 'SDI', '401(k)', 'Net Pay', 'Taxable Fed', 'Taxable OASDI', 'Taxable Medicare'];
const lines = [header.map(cell).join(',')];
rows.sort((a, b) => (a.pay_date < b.pay_date ? -1 : a.pay_date > b.pay_date ? 1 : a.employee_id < b.employee_id ? -1 : a.employee_id > b.employee_id ? 1 : 0));
for (const r of rows) {
  const v = (k) => get(r, k);
  const opt = (k, f) => (r.values.has(k) ? f(v(k)) : '');
  lines.push(
    [
      r.employee_id,
      names.get(r.employee_id),
      us(r.pay_date),
      us(r.period_start),
      us(r.period_end),
      opt('regular_hours', hours),
      opt('overtime_hours', hours),
      money(v('regular_pay')),
      money(v('overtime_pay')),
      money(v('gross')),
      money(v('us.fit')),
      money(v('us.ss.ee')),
      money(v('us.medicare.ee').plus(v('us.medicare_addl.ee'))),
      money(['us.ca.pit', 'us.il.pit', 'us.ny.pit', 'us.pa.pit'].reduce((t, k) => t.plus(v(k)), D(0))),
      money(v('us.ca.sdi.ee')),
      money(v('ded.401k').negated()),
      money(v('net_pay')),
      money(v('us.fit.wages')),
      money(v('us.ss.ee.wages')),
      money(v('us.medicare.ee.wages')),
    ]
      .map(cell)
      .join(','),
  );
}
writeFileSync(join(demo, 'register.csv'), lines.join('\r\n') + '\r\n');
writeFileSync(join(demo, 'register-seeds.json'), JSON.stringify(SEEDS, null, 2) + '\n');
console.log(`fixtures/demo/register.csv: ${rows.length} rows, ${SEEDS.length} seeded errors`);
for (const s of SEEDS) console.log(`  ${s.employee_id} ${s.pay_date}  ${s.id}: ${s.what}`);
