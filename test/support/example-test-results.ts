import picomatch from 'picomatch';
import type { TestResultsInput } from '../../src/core/matrix/test-results';
import type { ResolvedConfig } from '../../src/core/model/config-def';
import { parseJUnit } from '../../src/node/junit';

/** The JUnit files of an in-memory example that config `test_results` names, read as the CLI reads them; undefined without `test_results`. */
export function exampleTestResults(files: Record<string, string>, config: ResolvedConfig): TestResultsInput | undefined {
  if (config.testResults.length === 0) return undefined;
  const matches = picomatch([...config.testResults], { dot: true });
  const out: TestResultsInput = { version: 1, files: [], cases: [], problems: [] };
  for (const file of Object.keys(files).sort()) {
    if (!matches(file)) continue;
    const parsed = parseJUnit(file, files[file]);
    out.files.push(file);
    out.cases.push(...parsed.cases);
    out.problems.push(...parsed.problems);
  }
  return out;
}
