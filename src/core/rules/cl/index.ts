// @spdf implements SPDF-CL-001
import type { Rule } from '../types';
import unknownId from './cl001-unknown-id';
import tagWithoutSymbol from './cl002-tag-without-symbol';
import relationKindMismatch from './cl003-relation-kind-mismatch';
import verifiesOutsideTests from './cl004-verifies-outside-tests';
import untracedSafetyCode from './cl005-untraced-safety-code';
import suspectLink from './cl006-suspect-link';
import hazardRequirementWithoutCode from './cl007-hazard-requirement-without-code';
import malformedTag from './cl008-malformed-tag';
import tagNearSyntaxError from './cl009-tag-near-syntax-error';
import outdatedRevision from './cl010-outdated-revision';
import markerCase from './cl011-marker-case';
import markerNearMiss from './cl012-marker-near-miss';
import tagInDisabledCode from './cl013-tag-in-disabled-code';
import verifiesSkippedTest from './cl014-verifies-skipped-test';

/** CL family rules; add each rule module here. */
export const clRules: Rule[] = [
  unknownId,
  tagWithoutSymbol,
  relationKindMismatch,
  verifiesOutsideTests,
  untracedSafetyCode,
  suspectLink,
  hazardRequirementWithoutCode,
  malformedTag,
  tagNearSyntaxError,
  outdatedRevision,
  markerCase,
  markerNearMiss,
  tagInDisabledCode,
  verifiesSkippedTest,
];
