// @spdf implements SPDF-CT-001
import type { Rule } from '../types';
import ct001 from './ct001-control-without-threat';
import ct002 from './ct002-control-without-fda-category';
import ct003 from './ct003-compensating-control-without-target';

/** Control rules (traceability of controls to threats, FDA categories, compensating controls). */
export const ctRules: Rule[] = [ct001, ct002, ct003];
