import type { TraceLine } from './methods/types.js';

/** How one payslip was computed, item by item, for `payrecon explain`. */
export interface PayslipTrace {
  inputs: TraceLine[];
  items: Array<{ item: string; title: string; rule?: string; lines: TraceLine[] }>;
}
