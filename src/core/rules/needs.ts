// @spdf implements SPDF-ENG-NEEDS
import type { RuleInputs, RuleNeed } from './types';

/** The rule input each `meta.needs` entry names. */
export const NEEDS_INPUT: Record<RuleNeed, keyof RuleInputs> = {
  code: 'code',
  git: 'fileDates',
  'test-results': 'testResults',
  lock: 'lock',
  files: 'allFiles',
  'explicit-files': 'explicitFiles',
};
