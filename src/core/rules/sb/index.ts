import type { Rule } from '../types';

/** SB family rules; add each rule module here. */
export const sbRules: Rule[] = [];
