// @spdf implements SPDF-FC-SKIPPED-TESTS
import type { Rule } from '../types';
import { reportCodeProblems } from './code-facts';

const rule: Rule = {
  meta: {
    code: 'CL014',
    alias: 'verifies-skipped-test',
    severity: 'error',
    category: 'code-links',
    description:
      'A `verifies` tag sits on a test its framework skips in every run: `@pytest.mark.skip`, `@unittest.skip`, JUnit `@Disabled`/`@Ignore`, NUnit/MSTest `[Ignore]`, xUnit `Skip = ...`, Rust `#[ignore]`, Mocha/Jest/Vitest `it.skip`, `xit`, `test.todo`, `describe.skip`, `xdescribe`, a googletest `DISABLED_` name, or a first statement `t.Skip()`, `pytest.skip()`, `self.skipTest()`, `GTEST_SKIP()`; on the test itself, on its class, or for the whole file (pytest `pytestmark = pytest.mark.skip`).',
    rationale:
      'A tagged test counts as verification of the item it names. A test that never runs verifies nothing, yet the item would show as verified and `spdf check` would pass. An error by default: run the test again, or move the tag to a test that runs. Conditional skips (`skipif`, `@EnabledOnOs`, an `if` around `t.Skip()`) may run in some environment and are left alone; JUnit results (`junit:`), when mapped, say what actually ran.',
    source: 'heuristic (seed): unconditional skip markers of pytest, unittest, JUnit 4/5, NUnit, MSTest, xUnit, Rust, Go, googletest, Mocha, Jest and Vitest',
    fixable: false,
    since: '0.2.0',
    codeScope: 'file',
    reads: [],
    needs: ['code'],
    examples: {
      valid: [
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'tests/test_dose.py': 'import pytest\n\n@pytest.mark.skipif(not HAS_HW, reason="needs the pump")\n# @spdf verifies SEC-REQ-014\ndef test_rejects_unsigned():\n    assert True\n',
        },
      ],
      invalid: [
        {
          'model.spdf.yaml': 'requirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n',
          'tests/test_dose.py': 'import pytest\n\n# @spdf verifies SEC-REQ-014\n# ^^^^^^^^^^^^^^^^^^^^^^^^^^ CL014\n@pytest.mark.skip(reason="flaky")\ndef test_rejects_unsigned():\n    assert True\n',
        },
      ],
    },
  },
  check(ctx) {
    reportCodeProblems(ctx, (kind) => kind === 'verifies-skipped-test');
  },
};
export default rule;
