// @spdf implements SPDF-CMD-RULES, SPDF-RULESET-001
import { RULES, findRule } from '../../core/rules/registry';
import { ruleDoc } from '../../core/rules/docs';
import { nearest } from '../../core/suggest';
import { ruleSetHash } from '../../core/rules/ruleset-hash';
import { EXIT_OK, EXIT_USAGE, UsageError, type Out } from '../io';
import { checkFormat } from '../parse-command';

export function rulesCommand(o: Out, format: string): number {
  if (checkFormat(format, ['human', 'json']) === 'json') {
    o.out(JSON.stringify({ version: 1, ruleSetHash: ruleSetHash(RULES.map((r) => r.meta)), rules: RULES.map((r) => r.meta) }, null, 2));
    return EXIT_OK;
  }
  for (const r of RULES) o.out(`${r.meta.code}  ${r.meta.alias.padEnd(44)} ${r.meta.severity.padEnd(7)} ${r.meta.description}`);
  o.out(`${RULES.length} rules, rule-set hash ${ruleSetHash(RULES.map((r) => r.meta))}`);
  return EXIT_OK;
}

export function explainCommand(o: Out, code: string | undefined): number {
  if (!code) throw new UsageError('usage: spdf explain CODE');
  const rule = findRule(code);
  if (!rule) {
    const hint = nearest(
      code,
      RULES.flatMap((r) => [r.meta.code, r.meta.alias]),
    );
    o.err(`unknown rule '${code}'${hint ? ` (did you mean '${hint}'?)` : ''}; \`spdf rules\` lists them`);
    return EXIT_USAGE;
  }
  o.out(ruleDoc(rule, '#'));
  return EXIT_OK;
}
