// @spdf implements SPDF-LSP-UNSCANNED
import type { Range } from '../types';

/** A source file the code index meant to read for tags and did not (the hosts' index notes of the unscanned kinds). */
export interface UnscannedFile {
  /** Workspace-relative POSIX path. */
  file: string;
  kind: string;
  message: string;
  /** Where the reason is (the tag text of a file in a language without a grammar); else the start of the file. */
  at?: Range['start'];
}

/** What the user can do, for the reasons whose note does not say it already. */
const ADVICE: Readonly<Record<string, string>> = {
  oversize: 'raise code.max_file_bytes in spdf.config.yaml or exclude the file',
  unreadable: 'make it readable or exclude the file',
  vanished: 'run again once the workspace stops changing',
};

/** The one message and place of an unscanned source file, for `spdf check`, `spdf links` and the editor. */
export function unscannedProblem(n: UnscannedFile): { file: string; range: Range; message: string } {
  const at = n.at ?? { line: 0, character: 0 };
  const advice = ADVICE[n.kind];
  return { file: n.file, range: { start: at, end: at }, message: `source file not scanned for tags: ${n.message}${advice ? `; ${advice}` : ''}` };
}
