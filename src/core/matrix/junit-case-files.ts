// @spdf implements SPDF-FC-TAGGED-TEST-RESULTS
import { languageForPath } from '../codelinks/languages';
import { segmentsOf } from './test-segments';

/**
 * Which JUnit cases come from a source file, for a test file tagged as a whole (a `verifies` tag in its leading
 * comment). A case names its file by a `file` attribute (Mocha's xunit, pytest, jest-junit), by a classname that is a
 * path to a source file of a supported language (Vitest; a Go package such as `gopkg.in/yaml.v3` is none), or by a classname whose leading segments end the file's path without extension (`com.acme.DoseTest`
 * for `src/test/java/com/acme/DoseTest.java`, `tests.test_dose.TestDose` for `tests/test_dose.py`; two segments at
 * least, so a bare class name never claims a file).
 */

/** The case's own file as written in the results (`/`-separated, without a leading `./`), if it names one. */
export function caseSourcePath(c: { source?: string; classname: string }): string | undefined {
  const written = c.source ?? (/[/\\]/.test(c.classname) && languageForPath(c.classname.trim().replace(/\\/g, '/')) ? c.classname : undefined);
  const path = written
    ?.trim()
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '');
  return path || undefined;
}

/** Whether a path from a results file and a workspace-relative path name the same file (either may hold more leading folders). */
export function samePathTail(a: string, b: string): boolean {
  return a === b || a.endsWith(`/${b}`) || b.endsWith(`/${a}`);
}

/** The name segments of a workspace file without its extension: `tests/test_dose.py` -> tests, test_dose. */
export function fileSegments(file: string): string[] {
  return segmentsOf(file.replace(/\.[^./]*$/, ''));
}

/** Keys under which a case is found for a file: its source's base name; its classname's segments, each prefix of two or more by its last segment. */
export function caseFileKeys(c: { source?: string; classname: string }): { base?: string; segments: string[] } {
  const source = caseSourcePath(c);
  return { ...(source ? { base: source.slice(source.lastIndexOf('/') + 1) } : {}), segments: segmentsOf(c.classname) };
}

/** Whether the first `length` segments end the file's segments. */
export function prefixEndsFile(segments: readonly string[], length: number, fileSegs: readonly string[]): boolean {
  if (length > fileSegs.length) return false;
  for (let i = 1; i <= length; i++) if (segments[length - i] !== fileSegs[fileSegs.length - i]) return false;
  return true;
}
