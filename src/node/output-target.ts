// @spdf implements SPDF-FC-OUTPUT
/** Keeps a report from landing on a file the run read: `--output` never replaces a model, the config or a source file. */
import { realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { CONFIG_FILE } from '../core/model/config-file';
import type { Workspace } from '../core/model/load-workspace';
import { toPosix } from './fs-host';

/** Workspace-relative paths of what a run read: model files (and the SBOMs they name), the config, the review lock, the baseline, and `more` (indexed code, JUnit results). */
export function inputsOf(ws: Workspace, more: Iterable<string> = []): Set<string> {
  const out = new Set<string>([CONFIG_FILE, ws.config.lockFile, ...ws.graph.files.map((f) => f.path), ...more]);
  if (ws.config.baseline !== undefined) out.add(ws.config.baseline);
  return new Set([...out].map((p) => toPosix(p)));
}

/**
 * The input (workspace-relative) that writing `output` would replace, or undefined. The path is compared as
 * named and as resolved through symbolic links, so a link to a model file is caught too.
 */
export function inputAt(root: string, inputs: ReadonlySet<string>, output: string): string | undefined {
  const abs = resolve(output);
  const named = [relative(root, abs)];
  try {
    named.push(relative(realpathSync(root), realpathSync(abs)));
  } catch {
    // A new file (or folder) is no input.
  }
  return named.map((p) => toPosix(p)).find((p) => inputs.has(p));
}

/** The message of a refused `--output`. */
export const overwritesInput = (command: string, output: string, input: string) => `${command}: --output ${output} would replace ${input}, an input of this run; nothing written (name another file)`;
