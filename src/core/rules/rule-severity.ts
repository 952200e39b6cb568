// @spdf implements SPDF-ENG-001
import type { ResolvedConfig } from '../model/config-def';
import type { SeveritySetting } from '../types';
import { profileSeverity } from './profiles';
import type { Rule, RuleInputs } from './types';

/**
 * Rules that report input the tools could not read (YAML syntax, unreadable files): a file that was not read
 * was not checked, so these stay errors whatever the config says (as a parse error in ESLint is always fatal).
 */
export const ALWAYS_ERRORS: ReadonlySet<string> = new Set(['TM000', 'TM009']);

/**
 * Whether a key under `rules` names the rule as the registry's findRule finds it (its code or alias, or a code in any
 * case), told without the registry, so that a command that shows a few rules' severities loads no other rule.
 */
export function namesRule(key: string, rule: Rule): boolean {
  const upper = key.toUpperCase();
  return key === rule.meta.code || key === rule.meta.alias || upper === rule.meta.code || upper === rule.meta.alias;
}

/** The config's severity for a rule, whichever way it was written (code or alias, any case); undefined when not set. */
export function configuredSeverity(rule: Rule, config: Pick<ResolvedConfig, 'rules'>): SeveritySetting | undefined {
  if (ALWAYS_ERRORS.has(rule.meta.code)) return undefined;
  const o = config.rules;
  const direct = o[rule.meta.code] ?? o[rule.meta.alias];
  if (direct) return direct;
  for (const [key, value] of Object.entries(o)) if (namesRule(key, rule)) return value;
  return undefined;
}

/** Severity of a rule after the profile and the config's overrides (by code or alias). */
export function effectiveSeverity(rule: Rule, inputs: Pick<RuleInputs, 'config'>): SeveritySetting {
  return configuredSeverity(rule, inputs.config) ?? profileSeverity(inputs.config.profile, rule);
}
