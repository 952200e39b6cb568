// @spdf verifies SPDF-SBOM-READ, SPDF-SBOM-RULES, SPDF-SBOM-VIEW
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildMatrix } from '../../src/core/matrix/build';
import { cellText } from '../../src/core/matrix/model';
import { cyclonedxSchemaValidator } from '../../src/node/sbom-schemas';
import { readTree } from '../support/read-tree';
import { lintFiles } from '../support/workspace';

const FILES = readTree(join(__dirname, '..', 'fixtures', 'sbom', 'formats'));

async function load() {
  const { workspace, result } = await lintFiles(FILES, { sbomValidator: cyclonedxSchemaValidator() });
  return { workspace, result, view: buildMatrix({ graph: workspace.graph, config: workspace.config, lint: result }, ['sbom']).views.sbom! };
}

/** Every component of the six documents (CycloneDX JSON and XML, SPDX 2.3, SPDX 3.0; OpenVEX and CSAF VEX give dispositions). */
const EXPECTED_ROWS = [
  'freertos | FreeRTOS-Kernel | 11.1.0 | Amazon Web Services | MIT |  |  |  | AST-FW |  | ',
  'https://example.com/spdx/pkg/nginx | nginx | 1.25.3 | F5 NGINX | BSD-2-Clause | limitedSupport | 2026-05-31T00:00:00Z | CVE-2024-7347: fixed | AST-CLOUD |  | ',
  'https://example.com/spdx/pkg/postgresql | postgresql | 16.2 |  |  |  |  |  |  |  | ',
  'pkg:npm/express@4.18.2 | express | 4.18.2 | OpenJS Foundation | MIT | actively-maintained | 2027-10-01 | CVE-2024-29041: not_affected (code_not_reachable); CVE-2022-24999: no disposition |  | THR-001 (? -> ?) | CTRL-001',
  'pkg:npm/lodash@4.17.20 | lodash | 4.17.20 | OpenJS Foundation | MIT | limited | 2026-12 | CVE-2021-23337: affected |  |  | ',
  'SPDXRef-Package-busybox | busybox | 1.36.1 |  | GPL-2.0-only |  |  | CVE-2022-48174: no disposition | AST-GW |  | ',
  'SPDXRef-Package-openssl | openssl | 3.0.13 | OpenSSL Foundation | Apache-2.0 | long-term-support | 2026-09-07T00:00:00Z | CVE-2024-5535: not_affected (vulnerable_code_not_in_execute_path) | AST-GW |  | CTRL-001',
  'zlib | zlib | 1.2.11 | zlib project | Zlib | none | 2022-10-13 | CVE-2018-25032: not_affected (vulnerable_code_not_in_execute_path); CVE-2022-37434: no disposition | AST-FW |  | ',
];

describe('SBOM and VEX formats', () => {
  it('reads every component of CycloneDX JSON/XML, SPDX 2.3 and SPDX 3.0 with the dispositions of the SBOMs, OpenVEX and CSAF VEX', async () => {
    const { view } = await load();
    const cols = ['id', 'title', 'version', 'supplier', 'licenses', 'support', 'end_of_support', 'disposition', 'assets', 'threats', 'controls'];
    assert.deepEqual(
      view.rows.map((r) => cols.map((c) => cellText(r.cells[c], '; ')).join(' | ')),
      EXPECTED_ROWS,
    );
  });

  it('reports no SBOM problem for the valid documents (schema-validated CycloneDX JSON included)', async () => {
    const { workspace } = await load();
    assert.deepEqual(
      workspace.graph.problems.filter((p) => p.code === 'SB007').map((p) => p.message),
      [],
    );
  });

  it('TR012 reports each component whose listed vulnerability has no VEX status and no threat (a threat listing the CVE assesses it)', async () => {
    const { result } = await load();
    const tr012 = result.findings.filter((f) => f.code === 'TR012').map((f) => `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${/\(([^)]*)\)/.exec(f.message)?.[1]}`);
    assert.deepEqual(tr012, ['sboms/fw.cdx.xml:11:39 CVE-2022-37434', 'sboms/gw.spdx.json:24:17 CVE-2022-48174']);
  });

  it('SB005 and SB006 point into the SBOM at the component', async () => {
    const { result } = await load();
    const at = (code: string) => result.findings.filter((f) => f.code === code).map((f) => `${f.file}:${f.range.start.line + 1} ${f.message}`);
    assert.deepEqual(at('SB005'), [
      "sboms/cloud.spdx3.jsonld:20 SBOM component 'https://example.com/spdx/pkg/postgresql' lacks the NTIA minimum element supplier",
      "sboms/gw.spdx.json:24 SBOM component 'SPDXRef-Package-busybox' lacks the NTIA minimum element supplier",
    ]);
    assert.deepEqual(at('SB006').length, 3);
  });
});
