import type { Rule } from '../types';

/** ZC family rules; add each rule module here. */
export const zcRules: Rule[] = [];
