import type { CodeFileIndex } from './model';
import { parseReviewLock, type ReviewLock } from './review-lock';

/** Where test code lives unless `code.test_globs` says otherwise. */
export const DEFAULT_TEST_GLOBS: readonly string[] = [
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/*_test.*',
  '**/*.test.*',
  '**/*.spec.*',
  '**/test_*.py',
  '**/*Test.java',
  '**/*Tests.java',
  '**/*Tests.cs',
  '**/*Test.cs',
];

/** What hosts pass as `RuleInputs.code`: the code index result (buildCodeIndex's value fits). */
export interface CodeLinksInput {
  files: readonly CodeFileIndex[];
}

export function codeInput(value: unknown): CodeLinksInput | undefined {
  const v = value as CodeLinksInput | undefined;
  return v && Array.isArray(v.files) ? v : undefined;
}

/** `RuleInputs.lock` may be the lock text or a parsed lock. */
export function lockInput(value: unknown): ReviewLock | undefined {
  if (typeof value === 'string') return parseReviewLock(value).lock;
  const v = value as ReviewLock | undefined;
  return v && Array.isArray(v.links) ? v : undefined;
}
