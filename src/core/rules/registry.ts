// @spdf implements SPDF-ENG-001
import { clRules } from './cl';
import { ctRules } from './ct';
import { hzRules } from './hz';
import { rqRules } from './rq';
import { sbRules } from './sb';
import { tmRules } from './tm';
import { trRules } from './tr';
import type { Rule } from './types';
import { vtRules } from './vt';
import { zcRules } from './zc';

/** Every rule, sorted by code. */
export const RULES: readonly Rule[] = [...tmRules, ...zcRules, ...trRules, ...hzRules, ...ctRules, ...rqRules, ...vtRules, ...sbRules, ...clRules].sort((a, b) => (a.meta.code < b.meta.code ? -1 : 1));

const byKey = new Map<string, Rule>();
for (const r of RULES) {
  for (const key of [r.meta.code, r.meta.alias]) {
    if (byKey.has(key)) throw new Error(`duplicate rule code or alias ${key}`);
    byKey.set(key, r);
  }
}

/** Finds a rule by code (any case) or alias. */
export function findRule(codeOrAlias: string): Rule | undefined {
  return byKey.get(codeOrAlias) ?? byKey.get(codeOrAlias.toUpperCase());
}
