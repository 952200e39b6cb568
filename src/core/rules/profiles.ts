import type { ProfileName } from '../model/config-def';
import type { SeveritySetting } from '../types';
import type { Rule, RuleCategory } from './types';

/**
 * Profiles as data: per category, then per rule code, a severity that replaces the rule's default.
 * Anything not named keeps its default severity. `all` enables every rule at its default.
 */
export interface Profile {
  description: string;
  categories: Partial<Record<RuleCategory, SeveritySetting | 'default'>>;
  rules: Record<string, SeveritySetting>;
}

export const PROFILES: Record<ProfileName, Profile> = {
  recommended: {
    description: 'Every rule at its default severity, except the ones that need data most teams add later.',
    categories: {},
    rules: { TM007: 'off' },
  },
  'fda-premarket': {
    description: 'Premarket submission emphasis (FD&C 524B, FDA premarket guidance): traceability and submission rules raised to error.',
    categories: { submission: 'error', threats: 'default', requirements: 'default', tests: 'default' },
    rules: { TM007: 'off', CT002: 'error', TR005: 'error', TR009: 'error', VT002: 'error', VT003: 'error', VT004: 'error' },
  },
  iec62443: {
    description: 'IEC 62443 zones and conduits emphasis: zone/conduit rules raised, submission rules off.',
    categories: { 'zones-conduits': 'default', submission: 'off' },
    rules: { TM007: 'off', ZC002: 'error', ZC003: 'error', ZC012: 'error', ZC013: 'error', ZC018: 'warning', ZC022: 'error', RQ005: 'error' },
  },
  'it-cloud': {
    description: 'IT and cloud systems without patient-safety scope: hazard (ISO 14971) rules, multi-patient harm, hazard assessment of threats, FDA categories and submission rules off.',
    categories: { hazards: 'off', submission: 'off' },
    rules: { TM007: 'off', TR005: 'off', TR006: 'off', TR011: 'off', CL007: 'off', CT002: 'off' },
  },
  all: { description: 'Every rule at its default severity.', categories: {}, rules: {} },
};

export function profileSeverity(profile: ProfileName, rule: Rule): SeveritySetting {
  const p = PROFILES[profile] ?? PROFILES.recommended;
  const byRule = p.rules[rule.meta.code];
  if (byRule) return byRule;
  const byCat = p.categories[rule.meta.category];
  if (byCat && byCat !== 'default') return byCat;
  return rule.meta.severity;
}
