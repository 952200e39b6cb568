import { resolve } from 'node:path';
import type { CheckPathOptions } from '../node/workspace';
import { UsageError } from './io';

/** Flags of every command that reads the workspace (lint, links, review, trace, check): one definition. */
export const WORKSPACE_FLAGS = {
  untrusted: { type: 'boolean', default: false },
  'no-cache': { type: 'boolean', default: false },
  'cache-location': { type: 'string' },
} as const;

/** Plus `--no-code`, for the commands that work without the code index (lint, trace, check). */
export const WORKSPACE_FLAGS_WITH_CODE = { ...WORKSPACE_FLAGS, 'no-code': { type: 'boolean', default: false } } as const;

export const WORKSPACE_FLAGS_USAGE = '--untrusted   --no-cache   --cache-location DIR';
export const WORKSPACE_FLAGS_WITH_CODE_USAGE = `${WORKSPACE_FLAGS_USAGE}   --no-code`;

export interface WorkspaceFlagValues {
  untrusted?: boolean;
  'no-cache'?: boolean;
  'cache-location'?: string;
  'no-code'?: boolean;
}

/** `--test-results GLOB` (repeatable): an empty glob (`--test-results "$UNSET"`) names no file, and is refused. */
export function testResultsFlag(globs: string[] | undefined): string[] | undefined {
  if (globs?.some((g) => !g.trim())) throw new UsageError('--test-results takes a glob of JUnit XML files; got an empty one');
  return globs;
}

export function checkPathOptions(values: WorkspaceFlagValues): CheckPathOptions {
  return {
    trusted: !values.untrusted,
    cache: !values['no-cache'],
    ...(values['no-code'] ? { code: false } : {}),
    ...(values['cache-location'] !== undefined ? { cacheLocation: resolve(values['cache-location']) } : {}),
  };
}
