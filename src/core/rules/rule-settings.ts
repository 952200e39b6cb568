import type { ResolvedConfig } from '../model/config-def';
import { nearest } from '../suggest';
import type { Finding, Severity, SeveritySetting } from '../types';
import { RULES, findRule } from './registry';
import type { Rule } from './types';

/** The config's severity for a rule, whichever way it was written (code or alias, any case); undefined when not set. */
export function configuredSeverity(rule: Rule, config: Pick<ResolvedConfig, 'rules'>): SeveritySetting | undefined {
  const o = config.rules;
  const direct = o[rule.meta.code] ?? o[rule.meta.alias];
  if (direct) return direct;
  for (const [key, value] of Object.entries(o)) if (findRule(key) === rule) return value;
  return undefined;
}

/** A key under `rules` in spdf.config.yaml that names no rule: the setting it carries would be silently lost. */
export function unknownRuleSettings(config: Pick<ResolvedConfig, 'ruleKeys'>, severity: Severity): Finding[] {
  const names = RULES.flatMap((r) => [r.meta.code, r.meta.alias]);
  return config.ruleKeys
    .filter(({ key }) => !findRule(key))
    .map(({ key, file, range }) => {
      const hint = nearest(key, names);
      return { code: 'TM008', severity, file, range, message: `unknown rule '${key}'${hint ? ` (did you mean '${hint}'?)` : ''}; the setting is ignored (spdf rules lists codes and aliases)` };
    });
}
