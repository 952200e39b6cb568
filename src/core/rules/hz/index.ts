import type { Rule } from '../types';

/** HZ family rules; add each rule module here. */
export const hzRules: Rule[] = [];
