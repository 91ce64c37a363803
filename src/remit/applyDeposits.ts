import type { CivilDate } from '../dates/index.js';
import { minDec, ZERO, type Decimal } from '../money/index.js';
import type { FormName, Obligation } from './obligations.js';

/** A deposit as made, understood: which return and return period it pays. */
export interface DepositMade {
  /** Position in deposits.csv (0-based) and its line, for messages. */
  index: number;
  line?: number;
  agency: string;
  /** Rule jurisdiction of the agency (`us.irs`, `us.ca.edd`); undefined = any agency with that form code. */
  jurisdiction?: string;
  form: FormName;
  /** How messages name the return (`Form 941`, `CA-EDD PIT and SDI`). */
  label?: string;
  returnPeriod: string;
  amount: Decimal;
  paidDate: CivilDate;
  reference?: string;
  /** Pay date the deposit was designated to, when the file says so. */
  liabilityDate?: CivilDate;
}

/** Part of a deposit applied to one obligation. */
export interface Application {
  deposit: DepositMade;
  amount: Decimal;
  /** Applied by designation (liability_date) rather than by the IRS default order. */
  designated: boolean;
}

export interface ApplyResult {
  /** Obligation id → applications, in deposit date order. */
  applied: Map<string, Application[]>;
  /** Parts of deposits no liability of their return period could absorb. */
  excess: { deposit: DepositMade; amount: Decimal }[];
  /** Designations that named a pay date with no liability (the deposit was applied by the default order). */
  unmatchedDesignations: DepositMade[];
}

/**
 * Apply deposits to obligations as the IRS does. Deposits are taken in date
 * order. A deposit designated to a pay date (liability_date) first pays the
 * obligation holding that liability. Otherwise, and for any rest, it pays the
 * most recent liability of its return period: among the obligations already
 * due on the deposit date, the latest first (Pub 15, "Order in which deposits
 * are applied"; the Cedar, Inc. example); then obligations not yet due, the
 * earliest first (an early deposit). What is left is an excess.
 */
export function applyDeposits(obligations: readonly Obligation[], deposits: readonly DepositMade[]): ApplyResult {
  const open = new Map<string, Decimal>(obligations.map((o) => [o.id, o.amount]));
  const applied = new Map<string, Application[]>(obligations.map((o) => [o.id, []]));
  const excess: ApplyResult['excess'] = [];
  const unmatchedDesignations: DepositMade[] = [];
  const sorted = [...deposits].sort((a, b) => (a.paidDate < b.paidDate ? -1 : a.paidDate > b.paidDate ? 1 : a.index - b.index));

  for (const d of sorted) {
    let left = d.amount;
    const pay = (o: Obligation, designated: boolean) => {
      const bal = open.get(o.id)!;
      if (left.isZero() || bal.isZero()) return;
      const part = minDec(left, bal);
      open.set(o.id, bal.minus(part));
      left = left.minus(part);
      applied.get(o.id)!.push({ deposit: d, amount: part, designated });
    };
    const same = obligations.filter((o) => o.form === d.form && o.returnPeriod === d.returnPeriod && (d.jurisdiction === undefined || o.jurisdiction === d.jurisdiction));
    if (d.liabilityDate) {
      const target = same.find((o) => o.liabilityDates.includes(d.liabilityDate!));
      if (target) pay(target, true);
      else unmatchedDesignations.push(d);
    }
    const due = same.filter((o) => o.due.due <= d.paidDate).sort((a, b) => (a.due.due > b.due.due ? -1 : a.due.due < b.due.due ? 1 : a.rulesDate > b.rulesDate ? -1 : 1));
    for (const o of due) pay(o, false);
    const notDue = same.filter((o) => o.due.due > d.paidDate).sort((a, b) => (a.due.due < b.due.due ? -1 : a.due.due > b.due.due ? 1 : a.rulesDate < b.rulesDate ? -1 : 1));
    for (const o of notDue) pay(o, false);
    if (left.greaterThan(ZERO)) excess.push({ deposit: d, amount: left });
  }
  return { applied, excess, unmatchedDesignations };
}
