// @spdf implements SPDF-HZ-001
import type { Rule } from '../types';
import hz001 from './hz001-hazard-severity-invalid';
import hz002 from './hz002-hazard-without-rmf-ref';
import hz003 from './hz003-critical-hazard-open-threat';

/** Hazard rules (ISO 14971 linkage). */
export const hzRules: Rule[] = [hz001, hz002, hz003];
