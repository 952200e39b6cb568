// @spdf implements SPDF-TM-001
import type { Rule } from '../types';
import tm000 from './tm000-yaml-syntax';
import tm001 from './tm001-duplicate-id';
import tm002 from './tm002-dangling-reference';
import tm003 from './tm003-id-pattern';
import tm004 from './tm004-asset-in-several-zones';
import tm005 from './tm005-asset-without-zone';
import tm006 from './tm006-unknown-enum';
import tm007 from './tm007-stale-model';
import tm008 from './tm008-schema';
import tm009 from './tm009-unreadable';
import tm010 from './tm010-suppression';
import tm011 from './tm011-placeholder';
import tm012 from './tm012-file-outside-model';
import tm013 from './tm013-model-file-near-miss';
import tm014 from './tm014-nested-config';
import tm015 from './tm015-empty-model-file';

/** Structure and schema rules. */
export const tmRules: Rule[] = [tm000, tm001, tm002, tm003, tm004, tm005, tm006, tm007, tm008, tm009, tm010, tm011, tm012, tm013, tm014, tm015];
