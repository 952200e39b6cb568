import type { Rule } from '../types';

/** CT family rules; add each rule module here. */
export const ctRules: Rule[] = [];
