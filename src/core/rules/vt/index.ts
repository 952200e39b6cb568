import type { Rule } from '../types';

/** VT family rules; add each rule module here. */
export const vtRules: Rule[] = [];
