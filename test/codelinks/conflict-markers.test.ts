// @spdf verifies SPDF-FC-CONFLICT-MARKERS
/**
 * A tagged Python file holding an unresolved merge conflict parsed with its error away from the tag, so nothing was
 * said and `spdf check` passed with the link of one side of the conflict. CL009 now reports the conflict.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { GateReport } from '../../src/core/matrix/gate';
import { runCli, tempWorkspace } from '../support/cli';

const BASE = {
  'spdf.config.yaml': 'version: 1\ncheck:\n  min_coverage: 0\nrules: { RQ003: off }\n',
  'model/req.spdf.yaml':
    'requirements:\n  - {id: REQ-001, title: Reject unsigned commands, verification: [test], tests: [TC-001]}\ntests:\n  - {id: TC-001, title: Rejected, verifies: [REQ-001], result: pass}\n',
};

const CASES: { name: string; file: string; text: string; cl009: string[] }[] = [
  {
    name: 'a tagged Python file with a conflict',
    file: 'src/sig.py',
    text: '<<<<<<< HEAD\n# @spdf implements REQ-001\ndef check_sig(x):\n    return x\n=======\ndef check_sig(x):\n    return 0\n>>>>>>> feature\n',
    cl009: ['src/sig.py:1:1'],
  },
  {
    name: 'a tagged C file with a conflict in another function',
    file: 'src/sig.c',
    text: '// @spdf implements REQ-001\nint check_sig(int x) { return x; }\n<<<<<<< HEAD\nint other(void) { return 1; }\n||||||| base\nint other(void) { return 0; }\n=======\nint other(void) { return 2; }\n>>>>>>> feature\n',
    cl009: ['src/sig.c:3:1'],
  },
  {
    name: 'a tagged Python file whose docstring underlines a title with =======',
    file: 'src/sig.py',
    text: '# @spdf implements REQ-001\ndef check_sig(x):\n    """Example\n=======\n    """\n    return x\n',
    cl009: [],
  },
  { name: 'a tagged file with an opening marker only', file: 'src/sig.py', text: '# @spdf implements REQ-001\ndef check_sig(x):\n    s = """\n<<<<<<< quoted\n"""\n    return x\n', cl009: [] },
];

describe('CL009: an unresolved merge conflict in a tagged source file', function () {
  this.timeout(60000);
  for (const c of CASES)
    it(`${c.name}: ${c.cl009.length ? 'spdf check fails at the opening marker' : 'nothing reported'}`, async () => {
      const root = tempWorkspace({ ...BASE, [c.file]: c.text });
      try {
        const r = await runCli(['check', root, '--format', 'json', '--no-cache']);
        const report = JSON.parse(r.stdout) as GateReport;
        const cl009 = report.offenders.flatMap((o) => (o.class === 'finding' && o.code === 'CL009' ? [`${o.file}:${o.line}:${o.column}`] : []));
        assert.deepEqual(cl009, c.cl009, r.stdout);
        assert.equal(r.code, c.cl009.length ? 1 : 0, r.stdout);
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
});
