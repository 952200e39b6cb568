// @spdf verifies SPDF-FC-RESULTS, SPDF-FC-TAGGED-TEST-RESULTS
/**
 * `spdf diff` reads each side's results as that side holds them: a commit's go.mod files from the commit (through the
 * revision's blobs, one over the size limit never read), the working tree's from disk, so that a root package named by
 * gotestsum's short classname is matched on each side by that side's module path.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { MAX_GO_MOD_BYTES } from '../../src/core/matrix/go-mod';
import { loadRevision } from '../../src/node/revision-snapshot';
import { tempWorkspace } from '../support/cli';
import { gitRepo, type GitRepo } from '../support/git-repo';

describe("spdf diff: each side's go.mod module paths", function () {
  this.timeout(60_000);
  let repo: GitRepo;
  let fixture: string;

  before(() => {
    fixture = tempWorkspace({
      'spdf.config.yaml': 'version: 1\ntest_results: ["reports/*.xml"]\nrules: { RQ003: off }\n',
      'model/req.spdf.yaml': 'requirements:\n  - {id: REQ-001, title: Reject unsigned commands, verification: [test]}\n',
      'go.mod': 'module example.com/acme/dosing\n',
      'big/go.mod': `module example.com/big\n${'// x\n'.repeat(MAX_GO_MOD_BYTES / 5 + 1)}`,
      'big/big_test.go': 'package big\n',
      'root_test.go': '// @spdf verifies REQ-001\npackage pump\n\nimport "testing"\n\nfunc TestRejects(t *testing.T) {}\n',
      'reports/junit.xml': '<testsuite><testcase classname="pump" name="TestRejects"><failure/></testcase></testsuite>\n',
    });
    repo = gitRepo(fixture);
    repo.commit('base', 'module dosing');
    repo.edit('go.mod', () => 'module "example.com/acme/pump" // renamed\r\n');
  });
  after(() => [repo.root, fixture].forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('a commit: its go.mod, the one over the limit left out', async () => {
    const side = await loadRevision(repo.root, 'base', { code: false });
    assert.deepEqual(side.inputs.testResults?.goModules, { '': 'example.com/acme/dosing' });
  });

  it('the working tree: the go.mod as edited', async () => {
    const side = await loadRevision(repo.root, undefined, { code: false });
    assert.deepEqual(side.inputs.testResults?.goModules, { '': 'example.com/acme/pump' });
  });
});
