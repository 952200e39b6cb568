// @spdf implements SPDF-SB-001
import type { Rule } from '../types';
import sb001 from './sb001-missing-architecture-view';
import sb002 from './sb002-software-without-sbom';
import sb003 from './sb003-missing-postmarket-plan';
import sb004 from './sb004-unpatchable-without-labeling';

/** Section 524B submission completeness rules (apply when `system.cyber_device: true`). */
export const sbRules: Rule[] = [sb001, sb002, sb003, sb004];
