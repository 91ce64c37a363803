import { RuleBook, bundledRulesDir } from '../rules/index.js';
import { InputError } from '../model/problems.js';
import '../calc/methods/index.js';

/** Load the rule book (the bundled rules/ unless paths are given); problems become an InputError (exit 2). */
export function loadRuleBook(paths?: readonly string[]): RuleBook {
  const { book, problems } = RuleBook.load(paths?.length ? paths : [bundledRulesDir()]);
  if (!book) throw new InputError(problems.map((p) => ({ file: p.file, line: p.line, message: p.message })));
  return book;
}
