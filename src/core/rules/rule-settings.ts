import type { ResolvedConfig } from '../model/config-def';
import { nearest } from '../suggest';
import type { Finding, Severity } from '../types';
import { RULES, findRule } from './registry';
import { ALWAYS_ERRORS } from './rule-severity';

export { ALWAYS_ERRORS, configuredSeverity } from './rule-severity';

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
