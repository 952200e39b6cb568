import type { Rule } from '../types';

/** RQ family rules; add each rule module here. */
export const rqRules: Rule[] = [];
