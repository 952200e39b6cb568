// @spdf implements SPDF-SB-001
import type { Rule } from '../types';
import sb001 from './sb001-missing-architecture-view';
import sb002 from './sb002-software-without-sbom';
import sb003 from './sb003-missing-postmarket-plan';
import sb004 from './sb004-unpatchable-without-labeling';
import sb005 from './sb005-sbom-ntia-elements-missing';
import sb006 from './sb006-sbom-component-without-support';
import sb007 from './sb007-sbom-unreadable';

/** Section 524B submission completeness rules (SB001..SB004 apply when `system.cyber_device: true`; the SBOM rules whenever an SBOM is read). */
export const sbRules: Rule[] = [sb001, sb002, sb003, sb004, sb005, sb006, sb007];
