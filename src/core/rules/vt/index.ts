// @spdf implements SPDF-VT-001
import type { Rule } from '../types';
import vt001 from './vt001-failing-test-on-high-risk';
import vt002 from './vt002-test-evidence-missing';
import vt003 from './vt003-exposed-conduit-without-pentest';
import vt004 from './vt004-parser-without-fuzz-test';
import vt005 from './vt005-junit-case-unmapped';

/** Verification and test rules. */
export const vtRules: Rule[] = [vt001, vt002, vt003, vt004, vt005];
