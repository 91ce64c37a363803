/**
 * What kind of figure an item is, from the expected.csv naming contract
 * (docs/ARCHITECTURE.md): hours, pay, gross, employee withholdings and
 * deductions (they make gross into net), employer contributions, taxable
 * wages, net pay.
 */
export type ItemKind = 'hours' | 'pay' | 'gross' | 'withheld' | 'deduction' | 'employer' | 'wages' | 'net';

export function itemKind(item: string): ItemKind {
  if (item === 'gross') return 'gross';
  if (item === 'net_pay') return 'net';
  if (item.endsWith('.wages')) return 'wages';
  if (item.endsWith('_hours')) return 'hours';
  if (item.startsWith('ded.')) return 'deduction';
  if (item.endsWith('.er')) return 'employer';
  if (item.includes('.')) return 'withheld';
  return 'pay';
}

const LABELS: Record<string, string> = {
  gross: 'Gross pay',
  net_pay: 'Net pay',
  regular_hours: 'Regular hours',
  overtime_hours: 'Overtime hours',
  leave_hours: 'Leave hours',
  regular_pay: 'Regular pay',
  overtime_pay: 'Overtime pay',
  leave_pay: 'Leave pay',
  'us.fit': 'Federal income tax',
  'us.ss.ee': 'Social Security (employee)',
  'us.ss.er': 'Social Security (employer)',
  'us.medicare.ee': 'Medicare (employee)',
  'us.medicare.er': 'Medicare (employer)',
  'us.medicare_addl.ee': 'Additional Medicare (employee)',
  'us.futa.er': 'Federal unemployment (FUTA)',
  'ded.401k': '401(k) deferral',
  'ded.roth401k': 'Roth 401(k) deferral',
  'ded.sec125': 'Section 125 (cafeteria) deduction',
  'ded.hsa': 'HSA deduction',
  'ded.post_tax': 'After-tax deduction',
};

const STATE_SUFFIX: Record<string, string> = {
  sit: 'income tax',
  pit: 'income tax',
  ett: 'employment training tax',
  sdi: 'disability insurance',
  sui: 'unemployment insurance',
  suta: 'unemployment insurance',
  pfl: 'paid family leave',
  fli: 'family leave insurance',
};

/** A name a payroll clerk recognises: `us.ss.ee` → "Social Security (employee)", `ca.sit` → "CA income tax". */
export function itemLabel(key: string): string {
  if (key.includes('+')) return key.split('+').map(itemLabel).join(' + ');
  if (key.endsWith('.wages')) return `${itemLabel(key.slice(0, -'.wages'.length))} taxable wages`;
  const known = LABELS[key];
  if (known) return known;
  let parts = key.split('.');
  // State components are named either `ca.sit` or `us.ca.pit`.
  if (parts[0] === 'us' && parts.length >= 3 && /^[a-z]{2}$/.test(parts[1]!)) parts = parts.slice(1);
  if (parts.length >= 2 && /^[a-z]{2}$/.test(parts[0]!) && parts[0] !== 'us') {
    const side = parts[parts.length - 1] === 'ee' ? ' (employee)' : parts[parts.length - 1] === 'er' ? ' (employer)' : '';
    const what = STATE_SUFFIX[parts[1]!] ?? parts[1]!.toUpperCase();
    return `${parts[0]!.toUpperCase()} ${what}${side}`;
  }
  if (!key.includes('.')) return key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, ' ');
  return key;
}

/** The verb for the partner's figure: "withheld" a tax, "paid" pay, "reported" wages. */
export function partnerVerb(key: string): string {
  const kind = itemKind(key.split('+')[0]!);
  switch (kind) {
    case 'withheld':
    case 'deduction':
      return 'withheld';
    case 'pay':
    case 'gross':
    case 'net':
      return 'paid';
    case 'employer':
      return 'charged';
    default:
      return 'reported';
  }
}
