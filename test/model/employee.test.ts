import { describe, expect, it } from 'vitest';
import { employeeOf, employeeRowSchema } from '../../src/model/index.js';

describe('employeeOf', () => {
  const parse = (cells: Record<string, string>) => employeeRowSchema.parse({ employee_id: 'E1', hire_date: '2025-01-06', pay_type: 'salaried', pay_rate: '52000', pay_frequency: 'Biweekly', ...cells });

  it('has every column of the schema, then fields and line, in one order whatever the row gives', () => {
    const want = [...Object.keys(employeeRowSchema.shape), 'fields', 'line'];
    expect(Object.keys(employeeOf(parse({}), {}, 2))).toEqual(want);
    expect(Object.keys(employeeOf(parse({ termination_date: '2026-03-01', fed_w4: 'legacy', work_state: 'ca' }), { ca_allowances: '2' }, 3))).toEqual(want);
  });

  it('keeps the parsed values and applies the defaults: exempt when salaried, a 2020 Form W-4', () => {
    const e = employeeOf(parse({ work_state: 'ca', fed_extra: '25' }), { ca_allowances: '2' }, 7);
    expect(e).toMatchObject({ employee_id: 'E1', pay_frequency: 'biweekly', work_state: 'CA', flsa_exempt: true, fed_w4: '2020', fields: { ca_allowances: '2' }, line: 7 });
    expect(e.fed_extra?.toString()).toBe('25');
    expect(e.termination_date).toBeUndefined();
    const h = employeeOf(parse({ pay_type: 'hourly', flsa_exempt: 'true', fed_w4: 'legacy' }), {}, 8);
    expect([h.flsa_exempt, h.fed_w4]).toEqual([true, 'legacy']);
    expect(employeeOf(parse({ pay_type: 'hourly' }), {}, 9).flsa_exempt).toBe(false);
  });
});
