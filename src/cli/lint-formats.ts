import { relative } from 'node:path';
import { toCodeQuality } from '../core/export/code-quality';
import { lintToSarif } from '../core/export/sarif';
import type { Finding } from '../core/types';
import { toPosix } from '../node/fs-host';
import type { NodeCheck } from '../node/workspace';
import { lintJson, type LintJsonExtra } from './format';
import pkg from '../../package.json';

/** Renders the findings `spdf lint` shows in one machine format. */
export type LintFormatter = (check: NodeCheck, shown: Finding[], extra?: LintJsonExtra) => string;

/** The machine formats of `spdf lint`; `human` is printed line by line (`printHuman`). */
export const LINT_FORMATTERS: Readonly<Record<string, LintFormatter>> = {
  json: (check, shown, extra) => JSON.stringify(lintJson(check.root, check.result, shown, extra), null, 2),
  sarif: (check, shown, extra) => JSON.stringify(lintToSarif(check.result, shown, { toolVersion: pkg.version, uriPrefix: rootPrefix(check.root), problems: extra?.inputErrors ?? [] }), null, 2),
  'code-quality': (check, shown, extra) => toCodeQuality(shown, rootPrefix(check.root), extra?.inputPlaces),
};

export const LINT_FORMATS: readonly string[] = ['human', ...Object.keys(LINT_FORMATTERS)];

/** Workspace root relative to the current directory, as a URI prefix for SARIF ('' when they are the same). */
export function rootPrefix(root: string): string {
  const rel = toPosix(relative(process.cwd(), root));
  return rel && !rel.startsWith('..') ? `${rel}/` : '';
}
