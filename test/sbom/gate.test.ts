// @spdf verifies SPDF-SBOM-READ
import assert from 'node:assert/strict';
import { runCli, tempWorkspace } from '../support/cli';

const MODEL = `system:
  id: SYS-PUMP
  name: Pump
  sbom: sbom.cdx.json
requirements:
  - id: SEC-REQ-001
    title: Authenticate
    verification: [analysis]
tests:
  - id: TC-001
    verifies: [SEC-REQ-001]
    kind: analysis
    result: pass
`;
const VALID = '{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "metadata": {"timestamp": "2026-01-01T00:00:00Z", "authors": [{"name": "A"}]}, "components": []}\n';

describe('spdf check and an SBOM', () => {
  it('passes with a valid SBOM and fails, naming file:line:col, when the same SBOM is truncated', async () => {
    const ok = await runCli(['check', '.'], tempWorkspace({ 'spdf.config.yaml': 'profile: recommended\ncheck:\n  min_coverage: 0\n', 'model.spdf.yaml': MODEL, 'sbom.cdx.json': VALID }));
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    const broken = await runCli(
      ['check', '.'],
      tempWorkspace({ 'spdf.config.yaml': 'profile: recommended\ncheck:\n  min_coverage: 0\n', 'model.spdf.yaml': MODEL, 'sbom.cdx.json': VALID.slice(0, 80) }),
    );
    assert.equal(broken.code, 1);
    assert.match(broken.stdout + broken.stderr, /sbom\.cdx\.json:1:\d+.*SB007|SB007.*sbom\.cdx\.json:1:\d+/);
  });
});
