// @spdf implements SPDF-SBOM-READ
import { problemRule } from '../tm/problem-rule';

export default problemRule({
  code: 'SB007',
  alias: 'sbom-unreadable',
  severity: 'error',
  category: 'submission',
  description: 'An SBOM or VEX file the model names is missing, unreadable, not well-formed, invalid against its schema or of an unsupported format.',
  rationale:
    'An SBOM that was not read would look like one without components, vulnerabilities or findings: a false green. Each problem is reported in the file where possible (CycloneDX JSON is validated against the official CycloneDX schema of its specVersion) and at the `sbom`/`vex` reference that names it, and fails the gate. Read: CycloneDX 1.4-1.6 JSON and XML, SPDX 2.2/2.3 JSON, SPDX 3.0 JSON-LD, OpenVEX, CSAF 2.0 VEX; XML with a DTD or entity declarations is refused.',
  source: 'heuristic (robustness); FD&C Act 524B(b)(3) (the SBOM must be usable)',
  fixable: false,
  since: '0.2.0',
  reads: ['accountable_org', 'boundary', 'class', 'code', 'cyber_device', 'kind', 'monitoring', 'name', 'postmarket', 'problems', 'safety_designation', 'sbom', 'sl_t', 'software', 'views'],
  examples: {
    valid: [
      { 'model.spdf.yaml': 'system:\n  id: SYS-PUMP\n  name: Pump\n  sbom: sbom.cdx.json\n', 'sbom.cdx.json': '{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": []}\n' },
    ],
    invalid: [
      {
        'model.spdf.yaml': 'system:\n  id: SYS-PUMP\n  name: Pump\n  sbom: pump.spdx\n#       ^^^^^^^^^ SB007\n',
        'pump.spdx': 'SPDXVersion: SPDX-2.3\n# <^ SB007\n',
      },
    ],
  },
});
