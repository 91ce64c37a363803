// Prints, as JSON, the results of the project's date logic (built dist/) over
// two years of days, so a test can compare runs under different TZ values.
// Usage: node test/helpers/dateProbe.mjs   (run with TZ=... in the environment)
import { addDays, addMonths, countWeekdays, dayOfWeek, daysBetween, isCivilDate, toDayNumber, workweekStart, yearOf } from '../../dist/src/dates/index.js';
import { prorateSalary } from '../../dist/src/calc/pay/proration.js';
import { Decimal } from '../../dist/src/money/index.js';

const days = [];
for (let d = '2025-12-20'; d <= '2027-01-10'; d = addDays(d, 1)) {
  days.push([d, dayOfWeek(d), workweekStart(d, 'sunday'), workweekStart(d, 'monday'), addDays(d, -1), addMonths(d, 1), toDayNumber(d), yearOf(d), countWeekdays(d, addDays(d, 13)), daysBetween('2026-01-01', d), isCivilDate(d)]);
}
const pay = new Decimal(65000).div(26);
const proration = [];
for (let hire = '2026-10-24'; hire <= '2026-11-08'; hire = addDays(hire, 1)) {
  for (const basis of ['weekdays', 'calendar_days']) {
    const p = prorateSalary(pay, { start: '2026-10-25', end: '2026-11-07' }, hire, undefined, basis);
    proration.push([hire, basis, p.employedDays, p.periodDays, p.amount.toFixed(2)]);
  }
}
process.stdout.write(JSON.stringify({ tzOffsetMinutes: new Date(Date.UTC(2026, 10, 1, 12)).getTimezoneOffset(), days, proration }));
