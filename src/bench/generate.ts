import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, dayOfWeek, daysInMonth, makeDate, type CivilDate } from '../dates/index.js';
import { FileSink } from './fileSink.js';
import { Rng, cents, substream } from './prng.js';

/**
 * Deterministic synthetic company (benchmark issue): a company folder in the
 * input contract's formats, sized by employees and biweekly periods of 2026.
 * Same options → byte-identical files (seeded PRNG, no clock).
 */
export interface CompanyOptions {
  employees: number;
  /** Biweekly pay periods of 2026 (1–26); the other frequencies cover the same span. */
  periods: number;
  seed: number;
  out: string;
}

export const MAX_PERIODS = 26;
export const WORK_STATES = ['CA', 'NY', 'TX', 'PA', 'IL'] as const;
const STATE_WEIGHTS = [30, 20, 20, 15, 15];
const FREQUENCIES = ['biweekly', 'weekly', 'semimonthly', 'monthly'] as const;
const FREQ_WEIGHTS = [85, 7, 5, 3];
type Freq = (typeof FREQUENCIES)[number];

/** 2026 federal holidays paid as HOL to hourly staff (observed dates). */
const HOLIDAYS = new Set(['2026-01-01', '2026-01-19', '2026-02-16', '2026-05-25', '2026-06-19', '2026-07-03', '2026-09-07', '2026-11-26', '2026-12-25']);

const FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'Wei', 'Aisha', 'Carlos', 'Sofia', 'Dmitri', 'Priya', 'Kwame', 'Yuki', 'Olga', 'Mateo', 'Chloé', 'Zoë'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Nguyen', 'Okafor', 'Kowalski', "O'Brien", 'Müller', 'Patel', 'Kim', 'Haddad', 'Silva', 'Ivanova'];

export const EMPLOYEE_COLUMNS = [
  'employee_id', 'name', 'ssn', 'hire_date', 'termination_date', 'pay_type', 'pay_rate', 'pay_frequency', 'work_state', 'resident_state', 'flsa_exempt',
  'fed_w4', 'fed_filing_status', 'fed_step2', 'fed_dependents', 'fed_other_income', 'fed_deductions', 'fed_extra', 'fed_allowances', 'fed_exempt', 'fed_nra',
  'ca_filing_status', 'ca_allowances', 'ca_additional_allowances', 'ca_extra', 'ny_filing_status', 'ny_allowances', 'ny_extra', 'il_allowances', 'il_additional_allowances',
  'effective_from',
] as const;

export interface Period {
  frequency: Freq;
  start: CivilDate;
  end: CivilDate;
  pay: CivilDate;
}

/** Friday on or before a date (pay dates that fall on a weekend move back). */
function businessDayOnOrBefore(d: CivilDate): CivilDate {
  const w = dayOfWeek(d);
  return w === 6 ? addDays(d, -1) : w === 0 ? addDays(d, -2) : d;
}

/** The pay calendar: `periods` biweekly periods of 2026, and every other frequency over the same span. */
export function payCalendar(periods: number): Period[] {
  const out: Period[] = [];
  const firstBi = '2025-12-21';
  let last = '';
  for (let k = 0; k < periods; k++) {
    const start = addDays(firstBi, 14 * k);
    const end = addDays(start, 13);
    last = addDays(end, 6);
    out.push({ frequency: 'biweekly', start, end, pay: last });
  }
  for (let start = '2025-12-28'; ; start = addDays(start, 7)) {
    const end = addDays(start, 6);
    const pay = addDays(end, 6);
    if (pay > last) break;
    out.push({ frequency: 'weekly', start, end, pay });
  }
  for (let m = 0; ; m++) {
    // m = 0 is December 2025.
    const year = m === 0 ? 2025 : 2026;
    const month = m === 0 ? 12 : m;
    if (year === 2026 && month > 12) break;
    const eom = daysInMonth(year, month);
    const next = month === 12 ? makeDate(year + 1, 1, 5) : makeDate(year, month + 1, 5);
    const halves: Period[] = [
      { frequency: 'semimonthly', start: makeDate(year, month, 1), end: makeDate(year, month, 15), pay: businessDayOnOrBefore(makeDate(year, month, 20)) },
      { frequency: 'semimonthly', start: makeDate(year, month, 16), end: makeDate(year, month, eom), pay: businessDayOnOrBefore(next) },
    ];
    let any = false;
    for (const p of halves) if (p.pay >= '2026-01-01' && p.pay <= last) (out.push(p), (any = true));
    const monthly: Period = { frequency: 'monthly', start: makeDate(year, month, 1), end: makeDate(year, month, eom), pay: businessDayOnOrBefore(next) };
    if (monthly.pay >= '2026-01-01' && monthly.pay <= last) (out.push(monthly), (any = true));
    if (!any && year === 2026) break;
  }
  out.sort((a, b) => (a.pay < b.pay ? -1 : a.pay > b.pay ? 1 : a.frequency < b.frequency ? -1 : 1));
  return out;
}

export function employeeId(i: number): string {
  return `E${String(i + 1).padStart(6, '0')}`;
}

interface Gen {
  id: string;
  hourly: boolean;
  freq: Freq;
  hire: CivilDate;
  term?: CivilDate;
  /** Hourly rate or annual salary, in cents. */
  rate: number;
  raise?: { from: CivilDate; rate: number };
}

/** Write the company folder. Returns the number of rows written per file. */
export function generateCompany(o: CompanyOptions): Record<string, number> {
  if (!Number.isInteger(o.employees) || o.employees < 1) throw new Error('--employees must be a whole number of at least 1');
  if (!Number.isInteger(o.periods) || o.periods < 1 || o.periods > MAX_PERIODS) throw new Error(`--periods must be a whole number from 1 to ${MAX_PERIODS} (biweekly periods of 2026)`);
  mkdirSync(o.out, { recursive: true });
  const counts: Record<string, number> = {};
  const calendar = payCalendar(o.periods);
  const span = new Map<Freq, { start: CivilDate; end: CivilDate }>();
  for (const p of calendar) {
    const s = span.get(p.frequency);
    if (!s) span.set(p.frequency, { start: p.start, end: p.end });
    else {
      if (p.start < s.start) s.start = p.start;
      if (p.end > s.end) s.end = p.end;
    }
  }
  const payDates = new Map<Freq, CivilDate[]>();
  for (const p of calendar) {
    const l = payDates.get(p.frequency) ?? [];
    l.push(p.pay);
    payDates.set(p.frequency, l);
  }

  let cal = 'pay_frequency,period_start,period_end,pay_date\n';
  for (const p of calendar) cal += `${p.frequency},${p.start},${p.end},${p.pay}\n`;
  writeFileSync(join(o.out, 'pay_calendar.csv'), cal);
  counts['pay_calendar.csv'] = calendar.length;

  const emp = new FileSink(join(o.out, 'employees.csv'));
  const time = new FileSink(join(o.out, 'time.csv'));
  const earn = new FileSink(join(o.out, 'earnings.csv'));
  const ded = new FileSink(join(o.out, 'deductions.csv'));
  const ytd = new FileSink(join(o.out, 'ytd.csv'));
  emp.write(EMPLOYEE_COLUMNS.join(',') + '\n');
  time.write('employee_id,date,hours,code,rate\n');
  earn.write('employee_id,pay_date,code,amount\n');
  ded.write('employee_id,kind,amount,percent,effective_from,effective_to\n');
  ytd.write('employee_id,as_of,item,amount\n');
  let nEmp = 0, nTime = 0, nEarn = 0, nDed = 0, nYtd = 0;

  for (let i = 0; i < o.employees; i++) {
    const r = substream(o.seed, 1, i);
    const id = employeeId(i);
    const hourly = r.chance(0.6);
    const freq = r.weighted(FREQUENCIES, FREQ_WEIGHTS);
    const state = r.weighted(WORK_STATES, STATE_WEIGHTS);
    const resident = r.chance(0.05) ? r.pick(WORK_STATES) : state;
    let hire = makeDate(r.int(2005, 2025), r.int(1, 12), r.int(1, 28));
    if (r.chance(0.04)) hire = addDays('2026-01-12', r.int(0, 260));
    let term: CivilDate | undefined;
    if (r.chance(0.03)) {
      const t = addDays('2026-02-01', r.int(0, 300));
      if (t >= hire) term = t;
    }
    const highEarner = !hourly && r.chance(0.04);
    const rate = hourly ? r.int(1500, 6000) : highEarner ? r.int(19000000, 60000000) : r.int(3800000, 17500000);
    const g: Gen = { id, hourly, freq, hire, term, rate };
    if (r.chance(0.03)) g.raise = { from: '2026-07-01', rate: Math.round(rate * 1.04) };

    // W-4.
    const legacy = r.chance(0.15);
    const exempt = r.chance(0.005);
    const w4: Record<string, string> = { fed_w4: legacy ? 'legacy' : '2020' };
    if (legacy) {
      w4.fed_filing_status = r.pick(['single', 'married']);
      w4.fed_allowances = String(r.int(0, 5));
      if (r.chance(0.1)) w4.fed_extra = cents(r.int(1, 10) * 1000);
    } else {
      w4.fed_filing_status = r.weighted(['single', 'married_jointly', 'head_of_household'], [50, 38, 12]);
      w4.fed_step2 = r.chance(0.1) ? 'true' : 'false';
      if (r.chance(0.3)) w4.fed_dependents = cents(r.int(1, 4) * 200000 + (r.chance(0.3) ? 50000 : 0));
      if (r.chance(0.05)) w4.fed_other_income = cents(r.int(1, 30) * 100000);
      if (r.chance(0.05)) w4.fed_deductions = cents(r.int(1, 20) * 100000);
      if (r.chance(0.08)) w4.fed_extra = cents(r.int(1, 20) * 500);
    }
    if (exempt) w4.fed_exempt = 'true';
    if (r.chance(0.002)) w4.fed_nra = 'true';
    const st: Record<string, string> = {};
    if (state === 'CA') {
      st.ca_filing_status = r.weighted(['single', 'married', 'head_of_household'], [50, 40, 10]);
      st.ca_allowances = String(r.int(0, 4));
      if (r.chance(0.05)) st.ca_additional_allowances = String(r.int(1, 2));
      if (r.chance(0.03)) st.ca_extra = cents(r.int(1, 5) * 1000);
    } else if (state === 'NY') {
      st.ny_filing_status = r.pick(['single', 'married']);
      st.ny_allowances = String(r.int(0, 4));
      if (r.chance(0.03)) st.ny_extra = cents(r.int(1, 5) * 500);
    } else if (state === 'IL') {
      st.il_allowances = String(r.int(0, 4));
      if (r.chance(0.05)) st.il_additional_allowances = String(r.int(1, 2));
    }
    const name = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    const ssn = `9${String(r.int(0, 99)).padStart(2, '0')}-${String(r.int(1, 99)).padStart(2, '0')}-${String(r.int(1, 9999)).padStart(4, '0')}`;
    const row = (rateCents: number, from?: CivilDate) => {
      const cells: Record<string, string> = {
        employee_id: id,
        name,
        ssn,
        hire_date: hire,
        termination_date: term ?? '',
        pay_type: hourly ? 'hourly' : 'salaried',
        pay_rate: cents(rateCents),
        pay_frequency: freq,
        work_state: state,
        resident_state: resident,
        ...w4,
        ...st,
        effective_from: from ?? '',
      };
      return EMPLOYEE_COLUMNS.map((c) => cells[c] ?? '').join(',') + '\n';
    };
    emp.write(row(rate));
    nEmp++;
    if (g.raise) {
      emp.write(row(g.raise.rate, g.raise.from));
      nEmp++;
    }

    // Time: one row per worked day for hourly staff.
    const s = span.get(freq)!;
    if (hourly) {
      const tr = substream(o.seed, 2, i);
      const partTime = tr.chance(0.1);
      const from = hire > s.start ? hire : s.start;
      const to = term && term < s.end ? term : s.end;
      let weekOvertime = false;
      for (let d = from; d <= to; d = addDays(d, 1)) {
        const w = dayOfWeek(d);
        if (w === 0) weekOvertime = tr.chance(0.15);
        if (HOLIDAYS.has(d)) {
          if (w !== 0 && w !== 6) {
            time.write(`${id},${d},8,HOL,\n`);
            nTime++;
          }
          continue;
        }
        if (w === 0) continue;
        if (w === 6) {
          if (weekOvertime && !partTime) {
            time.write(`${id},${d},${tr.pick(['4', '5', '6', '4.5'])},REG,\n`);
            nTime++;
          }
          continue;
        }
        const x = tr.next();
        if (x < 0.02) continue; // absent, unpaid
        if (x < 0.05) {
          time.write(`${id},${d},8,${x < 0.04 ? 'PTO' : 'SICK'},\n`);
          nTime++;
          continue;
        }
        const hours = partTime ? tr.pick(['4', '5', '6', '4.5']) : weekOvertime ? tr.pick(['8', '9', '10', '8.5']) : tr.weighted(['8', '7.5', '8.5', '9', '7.75'], [70, 10, 10, 5, 5]);
        // A shift differential now and then: a line at its own rate (weighted regular rate).
        const own = tr.chance(0.01) ? cents(rate + 200) : '';
        time.write(`${id},${d},${hours},REG,${own}\n`);
        nTime++;
      }
    }

    // Supplemental earnings.
    const er = substream(o.seed, 3, i);
    const dates = payDates.get(freq)!;
    if (er.chance(0.05)) {
      earn.write(`${id},${er.pick(dates)},BONUS,${cents(er.int(50, 1000) * 1000)}\n`);
      nEarn++;
    }
    if (!hourly && er.chance(0.04)) {
      for (const d of dates) {
        if (er.chance(0.5)) {
          earn.write(`${id},${d},COMMISSION,${cents(er.int(20000, 800000))}\n`);
          nEarn++;
        }
      }
    }

    // Deductions.
    const dr = substream(o.seed, 4, i);
    if (dr.chance(0.4)) {
      const mid = dr.chance(0.1) ? '2026-04-01' : '';
      ded.write(`${id},401k,,${dr.int(1, 10)},${mid},\n`);
      nDed++;
    } else if (dr.chance(0.1)) {
      ded.write(`${id},roth401k,,${dr.int(2, 8)},,\n`);
      nDed++;
    }
    if (dr.chance(0.3)) {
      ded.write(`${id},sec125,${cents(dr.int(2000, 25000))},,,\n`);
      nDed++;
    }
    if (dr.chance(0.15)) {
      const end = dr.chance(0.2) ? '2026-06-30' : '';
      ded.write(`${id},hsa,${cents(dr.int(2500, 15000))},,,${end}\n`);
      nDed++;
    }
    if (dr.chance(0.05)) {
      ded.write(`${id},post_tax,${cents(dr.int(500, 5000))},,,\n`);
      nDed++;
    }

    // Opening balances for a few high earners who joined from another provider's payroll mid-year.
    if (highEarner && dr.chance(0.25)) {
      const wages = dr.int(10000000, 18000000);
      const ss = Math.round((wages * 62) / 1000);
      const med = Math.round((wages * 145) / 10000);
      const asOf = '2026-01-02';
      const items: Array<[string, number]> = [
        ['gross', wages], ['us.fit.wages', wages], ['us.ss.ee.wages', wages], ['us.ss.ee', ss], ['us.ss.er.wages', wages], ['us.ss.er', ss],
        ['us.medicare.ee.wages', wages], ['us.medicare.ee', med], ['us.medicare.er.wages', wages], ['us.medicare.er', med], ['us.futa.er.wages', 700000], ['us.futa.er', 4200],
      ];
      for (const [item, amount] of items) {
        ytd.write(`${id},${asOf},${item},${cents(amount)}\n`);
        nYtd++;
      }
    }
  }
  for (const f of [emp, time, earn, ded, ytd]) f.close();
  counts['employees.csv'] = nEmp;
  counts['time.csv'] = nTime;
  counts['earnings.csv'] = nEarn;
  counts['deductions.csv'] = nDed;
  counts['ytd.csv'] = nYtd;
  writeFileSync(
    join(o.out, 'payrecon.yaml'),
    [
      `# Synthetic company generated by \`npm run gen -- --employees ${o.employees} --periods ${o.periods} --seed ${o.seed}\` (src/bench/generate.ts).`,
      'workweek_start: sunday',
      'proration: weekdays',
      'supplemental_method: aggregate',
      'fit_rounding: cents',
      'register: register.csv',
      'register_profile: register-profile.yaml',
      'deposit_schedule: semiweekly',
      'suta_rates:',
      '  CA: 0.034',
      '  NY: 0.0325',
      '  TX: 0.0185',
      '  PA: 0.0365',
      '  IL: 0.0412',
      '',
    ].join('\n'),
  );
  return counts;
}

export { Rng };
