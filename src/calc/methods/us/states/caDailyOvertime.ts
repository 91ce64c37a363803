import { z } from 'zod';
import { Decimal, ZERO, maxDec, minDec } from '../../../../money/index.js';
import { decimalParam } from '../../common/paramTypes.js';
import type { OvertimeMethod, TraceLine } from '../../types.js';

type CaOtParams = {
  daily_threshold: Decimal;
  daily_doubletime_threshold: Decimal;
  weekly_threshold: Decimal;
  multiplier: Decimal;
  doubletime_multiplier: Decimal;
};

/**
 * California daily overtime, Labor Code §510(a): over 8 hours in a workday
 * and over 40 in the workweek at 1.5×, over 12 in a workday at 2×; on the
 * seventh consecutive day of work in the workweek the first 8 hours at 1.5×
 * and beyond 8 at 2×. Weekly overtime counts only hours not already paid as
 * daily overtime (no pyramiding). The seventh-day rule applies only when all
 * seven days of the workweek were worked.
 */
export const caDailyOvertime: OvertimeMethod<CaOtParams> = {
  kind: 'overtime',
  name: 'us_ca_daily_overtime',
  summary: 'California: daily (8/12 h), weekly (40 h) and seventh-day overtime, no pyramiding',
  params: z.object({
    daily_threshold: decimalParam,
    daily_doubletime_threshold: decimalParam,
    weekly_threshold: decimalParam,
    multiplier: decimalParam,
    doubletime_multiplier: decimalParam,
  }),
  split(days, p, prov, trace = true) {
    const lines: TraceLine[] = [];
    const worked = days.filter((d) => d.hours.gt(0));
    const seventh = worked.length === 7 ? worked[6]!.date : undefined;
    let regular = ZERO, overtime = ZERO, doubletime = ZERO, total = ZERO;
    for (const d of days) {
      total = total.plus(d.hours);
      let reg: Decimal, ot: Decimal, dt: Decimal;
      if (d.date === seventh) {
        reg = ZERO;
        ot = minDec(d.hours, p.daily_threshold);
        dt = maxDec(ZERO, d.hours.minus(p.daily_threshold));
      } else {
        reg = minDec(d.hours, p.daily_threshold);
        dt = maxDec(ZERO, d.hours.minus(p.daily_doubletime_threshold));
        ot = d.hours.minus(reg).minus(dt);
      }
      // Weekly: straight-time hours past the weekly threshold become overtime.
      const over = maxDec(ZERO, regular.plus(reg).minus(p.weekly_threshold));
      const weekly = minDec(over, reg);
      reg = reg.minus(weekly);
      ot = ot.plus(weekly);
      regular = regular.plus(reg);
      overtime = overtime.plus(ot);
      doubletime = doubletime.plus(dt);
      if (!trace) continue;
      const parts = [`${reg.toString()} straight`, `${ot.toString()} at 1.5×${weekly.gt(0) ? ` (${weekly.toString()} past ${p.weekly_threshold.toString()} h in the week)` : ''}`, `${dt.toString()} at 2×`];
      lines.push({ label: `${d.date}: ${d.hours.toString()} h${d.date === seventh ? ' (seventh consecutive day)' : ''}: ${parts.join(', ')}`, value: '' });
    }
    if (trace) lines.unshift(
      { label: 'Hours worked in the workweek', value: total.toString() },
      { label: `Daily thresholds: 1.5× over ${p.daily_threshold.toString()} h, 2× over ${p.daily_doubletime_threshold.toString()} h; weekly over ${p.weekly_threshold.toString()} h`, value: '', ref: prov.daily_threshold },
    );
    if (trace) lines.push(
      { label: 'Overtime hours (1.5×)', value: overtime.toString(), ref: prov.multiplier },
      { label: 'Double-time hours (2×)', value: doubletime.toString(), ref: prov.doubletime_multiplier },
    );
    return { regular, overtime, doubletime, overtimeMultiplier: p.multiplier, doubletimeMultiplier: p.doubletime_multiplier, lines };
  },
};
