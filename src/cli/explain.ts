import { computePayslips } from '../calc/computeCompany.js';
import { isCivilDate } from '../dates/index.js';
import { loadCompany } from '../io/loadCompany.js';
import { maskSsn } from '../io/writeCsv.js';
import { formatProvenance, type Provenance } from '../rules/index.js';
import { formatMoney } from '../money/index.js';
import { parseCommandArgs } from './args.js';
import { loadRuleBook } from './ruleBook.js';
import { bold, dim } from './style.js';
import { UsageError } from './usage.js';
import type { Command } from './main.js';
import type { TraceLine } from '../calc/methods/types.js';

const usage = `Usage: payrecon explain <company-dir> --employee <id> --pay-date <YYYY-MM-DD> [--rules <path>]... [--show-pii]

Prints how each figure of one payslip was computed: the inputs used, each
worksheet line, and the rule file, parameter and cited source behind it.`;

function refText(ref: TraceLine['ref']): string {
  if (!ref) return '';
  return typeof ref === 'string' ? ref : formatProvenance(ref as Provenance);
}

const command: Command = {
  summary: 'Show how every figure of one payslip was computed, with the rules cited',
  usage,
  async run(args) {
    const { values, positionals } = parseCommandArgs(
      args,
      { employee: { type: 'string' }, 'pay-date': { type: 'string' }, rules: { type: 'string', multiple: true }, 'show-pii': { type: 'boolean' } },
      usage,
    );
    const dir = positionals[0];
    if (!dir || positionals.length > 1) throw new UsageError('expected exactly one company folder');
    const id = values.employee;
    const date = values['pay-date'];
    if (!id) throw new UsageError('--employee <id> is required');
    if (!date || !isCivilDate(date)) throw new UsageError('--pay-date <YYYY-MM-DD> is required');
    const book = loadRuleBook(values.rules);
    const company = await loadCompany(dir);
    if (!company.employees.has(id)) throw new UsageError(`employee "${id}" is not in ${dir}/employees.csv`);
    let found;
    for (const p of computePayslips(company, book, { employee: id, traceDate: date })) {
      if (p.row.pay_date === date) found = p;
      if (p.row.pay_date >= date) break;
    }
    if (!found || !found.trace) {
      process.stderr.write(`payrecon explain: employee ${id} has no payslip on ${date}\n`);
      return 1;
    }
    const out: string[] = [];
    const e = found.employee;
    out.push(bold(`Payslip of ${id}${e.name ? ` (${e.name})` : ''}, pay date ${date}, period ${found.row.period_start} to ${found.row.period_end}`));
    if (e.ssn) out.push(`SSN ${values['show-pii'] ? e.ssn : maskSsn(e.ssn)}`);
    out.push('', bold('Inputs'));
    for (const l of found.trace.inputs) out.push(`  ${l.label}: ${l.value}${l.ref ? dim(`  [${refText(l.ref)}]`) : ''}`);
    for (const it of found.trace.items) {
      out.push('', bold(`${it.item} — ${it.title}${found.row.values.has(it.item) ? `: ${formatMoney(found.row.values.get(it.item)!)}` : ''}`));
      if (it.rule) out.push(dim(`  rule: ${it.rule}`));
      for (const l of it.lines) {
        const ref = refText(l.ref);
        out.push(`  ${l.label}${l.value !== '' ? `: ${l.value}` : ''}${ref ? dim(`  [${ref}]`) : ''}`);
      }
    }
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  },
};
export default command;
