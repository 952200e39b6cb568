import type { Rule } from '../types';

/** TR family rules; add each rule module here. */
export const trRules: Rule[] = [];
