import type { ResolvedConfig } from '../model/config-def';
import { nearest } from '../suggest';
import type { Finding, Severity, SeveritySetting } from '../types';
import { RULES, findRule } from './registry';
import type { Rule } from './types';

/**
 * Rules that report input the tools could not read (YAML syntax, unreadable files): a file that was not read
 * was not checked, so these stay errors whatever the config says (as a parse error in ESLint is always fatal).
 */
export const ALWAYS_ERRORS: ReadonlySet<string> = new Set(['TM000', 'TM009']);

/** The config's severity for a rule, whichever way it was written (code or alias, any case); undefined when not set. */
export function configuredSeverity(rule: Rule, config: Pick<ResolvedConfig, 'rules'>): SeveritySetting | undefined {
  if (ALWAYS_ERRORS.has(rule.meta.code)) return undefined;
  const o = config.rules;
  const direct = o[rule.meta.code] ?? o[rule.meta.alias];
  if (direct) return direct;
  for (const [key, value] of Object.entries(o)) if (findRule(key) === rule) return value;
  return undefined;
}

/** A key under `rules` in spdf.config.yaml that names no rule: the setting it carries would be silently lost. */
export function unknownRuleSettings(config: Pick<ResolvedConfig, 'ruleKeys' | 'rules'>, severity: Severity): Finding[] {
  const names = RULES.flatMap((r) => [r.meta.code, r.meta.alias]);
  const out: Finding[] = [];
  for (const { key, file, range } of config.ruleKeys) {
    const rule = findRule(key);
    if (!rule) {
      const hint = nearest(key, names);
      out.push({ code: 'TM008', severity, file, range, message: `unknown rule '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}; the setting is ignored (spdf rules lists codes and aliases)` });
    } else if (ALWAYS_ERRORS.has(rule.meta.code) && config.rules[key] !== 'error')
      out.push({
        code: 'TM008',
        severity,
        file,
        range,
        message: `${rule.meta.code} reports input that could not be read, which was therefore not checked: it is always an error; the setting is ignored`,
      });
  }
  return out;
}
