import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalLayout, loadProfile, parseProfile, readRegister, type RejectedRow } from '../../../src/io/register/index.js';
import { InputError } from '../../../src/io/problems.js';
import type { RegisterRow } from '../../../src/model/index.js';

const FIX = join(import.meta.dirname, '../../../fixtures/profiles');
const tmp = () => mkdtempSync(join(tmpdir(), 'payrecon-reg-'));

async function read(file: string, layout = canonicalLayout()) {
  const rows: RegisterRow[] = [];
  const rejected: RejectedRow[] = [];
  const res = await readRegister(file, layout, { row: (r) => rows.push(r), reject: (r) => rejected.push(r) });
  return { rows, rejected, res };
}

const money = (r: RegisterRow | undefined, k: string) => r?.values.get(k)?.toFixed(2);

describe('canonical layout', () => {
  it('reads expected.csv column names, with optional .wages columns and empty cells left out', async () => {
    const f = join(tmp(), 'register.csv');
    writeFileSync(f, 'employee_id,pay_date,period_start,period_end,gross,us.fit,us.ss.ee,us.ss.ee.wages,net_pay\nE1,2026-01-09,2026-01-01,2026-01-07,1000.00,80.00,62.00,1000.00,858.00\nE2,2026-01-09,,,500.00,,31.00,,469.00\n');
    const { rows, rejected, res } = await read(f);
    expect(rejected).toEqual([]);
    expect(res).toMatchObject({ rows: 2, accepted: 2, rejected: 0, items: ['gross', 'us.fit', 'us.ss.ee', 'us.ss.ee.wages', 'net_pay'] });
    expect(rows[0]).toMatchObject({ employee_id: 'E1', pay_date: '2026-01-09', period_start: '2026-01-01', origin: { line: 2 } });
    expect(money(rows[0], 'us.ss.ee.wages')).toBe('1000.00');
    expect(rows[1]!.values.has('us.fit')).toBe(false);
    expect(rows[1]!.period_start).toBeUndefined();
  });

  it('refuses provider column names without a profile, naming the column', async () => {
    const f = join(tmp(), 'register.csv');
    writeFileSync(f, 'employee_id,pay_date,Gross Pay\nE1,2026-01-09,1.00\n');
    const err = await read(f).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]).toMatchObject({ line: 1, column: 'Gross Pay' });
    expect((err as InputError).message).toContain('mapping profile');
  });
});

describe('malformed register rows', () => {
  it('reject a wrong type and a missing key with file, line and column, keeping good rows', async () => {
    const f = join(tmp(), 'register.csv');
    writeFileSync(
      f,
      [
        'employee_id,pay_date,gross,us.fit',
        'E1,2026-01-09,1000.00,80.00',
        'E2,2026-01-09,12O.00,80.00', // letter O
        ',2026-01-09,1000.00,80.00', // no employee
        'E4,01/09/2026,1000.00,80.00', // wrong date format
        'E5,2026-01-09,1000.00', // short row
        '',
      ].join('\n'),
    );
    const { rows, rejected, res } = await read(f);
    expect(rows.map((r) => r.employee_id)).toEqual(['E1']);
    expect(res).toMatchObject({ rows: 5, accepted: 1, rejected: 4 });
    expect(rejected[0]).toMatchObject({ line: 3, employee_id: 'E2', pay_date: '2026-01-09' });
    expect(rejected[0]!.problems[0]).toMatchObject({ file: f, line: 3, column: 'gross' });
    expect(rejected[0]!.problems[0]!.message).toContain('found "12O.00"');
    expect(rejected[1]!.problems[0]).toMatchObject({ line: 4, column: 'employee_id', message: 'the employee id is missing' });
    expect(rejected[2]!.problems[0]).toMatchObject({ line: 5, column: 'pay_date' });
    expect(rejected[2]!.problems[0]!.message).toContain('yyyy-MM-dd');
    expect(rejected[3]!.problems[0]!.message).toContain('expected 4 fields');
  });

  it('a missing key column or file is unusable input (InputError)', async () => {
    const f = join(tmp(), 'register.csv');
    writeFileSync(f, 'employee_id,gross\nE1,1.00\n');
    const err = (await read(f).catch((e: unknown) => e)) as InputError;
    expect(err.problems).toEqual([expect.objectContaining({ line: 1, column: 'pay_date' })]);
    await expect(read(join(tmp(), 'nope.csv'))).rejects.toThrow('file not found');
  });
});

describe('mapping profiles', () => {
  it('reads the European Latin-1 register: ; separators, dd.MM.yyyy, 1.234,56, negatives, summed Medicare', async () => {
    const layout = loadProfile(join(FIX, 'eu-latin1.yaml'));
    const { rows, rejected, res } = await read(join(FIX, 'eu-latin1-register.csv'), layout);
    expect(rejected).toEqual([]);
    expect(res.rows).toBe(3);
    expect(res.items).toEqual(['gross', 'us.fit', 'us.ss.ee', 'us.medicare.ee+us.medicare_addl.ee', 'ded.401k', 'net_pay']);
    expect(res.ignored).toEqual(['Nom']);
    expect(rows[0]).toMatchObject({ employee_id: 'E001', pay_date: '2026-01-09' });
    expect(money(rows[0], 'gross')).toBe('1234.56');
    expect(money(rows[0], 'ded.401k')).toBe('74.07');
    expect(money(rows[1], 'us.fit')).toBe('2100.00');
    expect(money(rows[1], 'net_pay')).toBe('8982.00');
    expect(money(rows[2], 'us.medicare.ee+us.medicare_addl.ee')).toBe('14.21');
    expect(rows[2]!.values.has('ded.401k')).toBe(false);
    expect(rows[2]!.pay_date).toBe('2026-01-16');
  });

  it('decodes Windows-1252 letters (€, Œ, accents) and refuses the file as UTF-8', async () => {
    const layout = loadProfile(join(FIX, 'eu-latin1.yaml'));
    // Accented header names only match when the bytes were decoded as Windows-1252.
    const { res } = await read(join(FIX, 'eu-latin1-register.csv'), { ...layout, columns: [...layout.columns!, { column: 'Nom', items: ['x'], negative: false }] }).catch((e: InputError) => ({ res: e }));
    expect(res).toMatchObject({ rejected: 3 }); // "Nom" holds names, not amounts: every row rejected, but the header (Impôt, Sécurité…) matched
    const err = (await read(join(FIX, 'eu-latin1-register.csv'), { ...layout, encoding: 'utf-8' }).catch((e: unknown) => e)) as InputError;
    expect(err).toBeInstanceOf(InputError);
    expect(err.message).toContain('not valid UTF-8');
  });

  it('reads the US provider profile: MM/dd/yyyy, 1,234.56, 401(k) as negative, Medicare as a sum', async () => {
    const layout = loadProfile(join(FIX, 'us-provider.yaml'));
    const f = join(tmp(), 'register.csv');
    writeFileSync(
      f,
      'File #,Employee Name,Check Date,Period Begin,Period End,Reg Hours,O/T Hours,Regular Earnings,O/T Earnings,Gross Pay,Federal Income Tax,Social Security,Medicare,State Income Tax,SDI,401(k),Net Pay,Taxable Fed,Taxable OASDI,Taxable Medicare\n' +
        'E002,"Okafor, Daniel",01/09/2026,12/28/2025,01/03/2026,40,2.5,790.00,74.06,"1,864.06",101.11,115.57,27.03,40.12,22.37,-111.84,"1,508.51","1,752.22","1,864.06","1,864.06"\n',
    );
    const { rows, rejected } = await read(f, layout);
    expect(rejected).toEqual([]);
    expect(rows[0]).toMatchObject({ employee_id: 'E002', pay_date: '2026-01-09', period_start: '2025-12-28', period_end: '2026-01-03' });
    expect(money(rows[0], 'gross')).toBe('1864.06');
    expect(money(rows[0], 'ded.401k')).toBe('111.84');
    expect(rows[0]!.values.get('overtime_hours')?.toString()).toBe('2.5');
    expect(money(rows[0], 'us.medicare.ee+us.medicare_addl.ee')).toBe('27.03');
    expect(money(rows[0], 'us.ca.pit+us.il.pit+us.ny.pit+us.pa.pit')).toBe('40.12');
  });

  it('validates a profile with line numbers', () => {
    const problems = (text: string) => {
      try {
        parseProfile(text, 'p.yaml');
      } catch (e) {
        return (e as InputError).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
      }
      throw new Error('no error');
    };
    expect(problems('profile: 1\nkeys:\n  employee_id: ID\n  pay_date: Date\ncolumns:\n  Gross: Gross Pay\n  FIT: us.fit\nnumber: { decimal: ",", thousands: "," }\n').sort()).toEqual([
      expect.stringMatching(/^p\.yaml:6: columns\.Gross\.item: expected an item name as in expected\.csv/),
      'p.yaml:8: number: the decimal and thousands separators must differ',
    ]);
    expect(problems('profile: 1\nkeys:\n  employee_id: ID\n  pay_date: Date\ncolumns:\n  FIT: us.fit\n  Tax: us.fit\n')).toEqual([
      'p.yaml:7: columns.Tax: item us.fit is fed by two columns ("FIT" and "Tax")',
    ]);
    expect(problems('profile: 1\ndate_format: MM/dd/yyyy\nencoding: ebcdic\nkeys: { employee_id: ID, pay_date: Date }\ncolumns: { G: gross }\n')[0]).toMatch(/^p\.yaml:3: encoding: /);
  });
});
