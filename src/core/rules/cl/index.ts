import type { Rule } from '../types';

/** CL family rules; add each rule module here. */
export const clRules: Rule[] = [];
