// @spdf implements SPDF-RQ-001
import type { Rule } from '../types';
import rq001 from './rq001-requirement-without-verification-method';
import rq002 from './rq002-not-verified';
import rq003 from './rq003-requirement-without-source';
import rq004 from './rq004-unknown-sr-id';
import rq005 from './rq005-zone-fr-without-requirement';
import rq006 from './rq006-code-glob-without-match';
import rq007 from './rq007-zone-sl-c-beyond-capabilities';

/** Requirement rules (verification, sources, IEC 62443-3-3 mapping and capabilities, code globs). */
export const rqRules: Rule[] = [rq001, rq002, rq003, rq004, rq005, rq006, rq007];
