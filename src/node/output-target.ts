// @spdf implements SPDF-FC-OUTPUT
/** Keeps a report from landing on a file the run read: `--output` never replaces a model, the config or a source file. */
import { realpathSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { CONFIG_FILE } from '../core/model/config-file';
import type { Workspace } from '../core/model/load-workspace';
import { toPosix } from './fs-host';
import { LinkOutsideError, refuseLinkOutside } from './path-inside';

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

/**
 * Why `--output` is not written, or undefined: it would replace an input of the run, or it is named inside the
 * workspace and leads out of it through a symbolic link (the file or a folder on its way: a cloned repository's
 * `reports -> ~/.ssh` must not make a report land there). A path named outside the workspace is the user's to choose.
 */
export function refusedOutput(command: string, root: string, inputs: ReadonlySet<string>, output: string): string | undefined {
  const input = inputAt(root, inputs, output);
  if (input !== undefined) return overwritesInput(command, output, input);
  try {
    refuseLinkOutside(root, resolve(output));
  } catch (error) {
    if (error instanceof LinkOutsideError) return `${command}: --output ${output}: ${error.message}`;
    throw error;
  }
  return undefined;
}

/** The message of a refused `--output`. */
export const overwritesInput = (command: string, output: string, input: string) => `${command}: --output ${output} would replace ${input}, an input of this run; nothing written (name another file)`;
