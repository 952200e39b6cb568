// @spdf implements SPDF-TR-001
import type { Rule } from '../types';
import tr001 from './tr001-threat-without-stride';
import tr002 from './tr002-threat-without-target';
import tr003 from './tr003-threat-without-pre-score';
import tr004 from './tr004-cvss-vector-invalid';
import tr005 from './tr005-serious-hazard-without-rubric';
import tr006 from './tr006-threat-without-hazard-assessment';
import tr007 from './tr007-mitigated-threat-without-controls';
import tr008 from './tr008-accepted-threat-without-approval';
import tr009 from './tr009-post-score-missing-or-higher';
import tr010 from './tr010-conduit-without-stride-coverage';
import tr011 from './tr011-multi-patient-threat-without-view';
import tr012 from './tr012-cve-without-disposition';

/** Threats and risk rules. */
export const trRules: Rule[] = [tr001, tr002, tr003, tr004, tr005, tr006, tr007, tr008, tr009, tr010, tr011, tr012];
