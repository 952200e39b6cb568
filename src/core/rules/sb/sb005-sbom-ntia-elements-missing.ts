// @spdf implements SPDF-SBOM-RULES
import type { Rule } from '../types';

const rule: Rule = {
  meta: {
    code: 'SB005',
    alias: 'sbom-ntia-elements-missing',
    severity: 'warning',
    category: 'submission',
    description: 'An SBOM component lacks an NTIA minimum element (supplier, name, version, unique identifier, dependency relationship), or the SBOM lacks its author or timestamp.',
    rationale:
      'The FDA premarket guidance asks for an SBOM in a machine-readable format with at least the NTIA minimum elements: for each component its supplier, name, version, a unique identifier (purl, CPE or SWID) and its dependency relationship, and for the SBOM the author of its data and a timestamp. A component without them cannot be matched against vulnerability feeds or traced to its maker. The rule reads the SBOMs named by `sbom` (CycloneDX: `supplier`/`manufacturer`/`publisher`, `purl`/`cpe`/`swid`, `dependencies`, `metadata.authors`/`tools`, `metadata.timestamp`; SPDX: `supplier`/`originator`, `externalRefs`, `relationships`, `creationInfo`) and components declared under `components`.',
    source: 'NTIA "The Minimum Elements For a Software Bill of Materials" (2021); FDA premarket cybersecurity guidance V.A.4.b; FD&C Act 524B(b)(3)',
    fixable: false,
    since: '0.2.0',
    reads: ['authors', 'dependencies_known', 'supplier'],
    examples: {
      valid: [
        `components:
  - id: pkg:generic/zlib@1.3.1
    name: zlib
    version: 1.3.1
    supplier: zlib project
    purl: pkg:generic/zlib@1.3.1
    dependencies_known: true
`,
      ],
      invalid: [
        `components:
  - id: pkg:generic/zlib@1.3.1
#       ^^^^^^^^^^^^^^^^^^^^^^ SB005
    name: zlib
    version: 1.3.1
    purl: pkg:generic/zlib@1.3.1
`,
      ],
    },
  },
  check(ctx) {
    for (const c of ctx.graph.byKind.component) {
      const d = c.data;
      const missing = [
        !d.supplier && 'supplier',
        !d.name && 'name',
        !d.version && 'version',
        !d.purl && !d.cpe && !d.other_ids?.length && 'unique identifier (purl, CPE or SWID)',
        d.dependencies_known !== true && !d.depends_on?.length && 'dependency relationship',
      ].filter((m): m is string => !!m);
      if (missing.length) ctx.report({ file: c.file, range: ctx.rangeOf(c), message: `SBOM component '${c.id}' lacks the NTIA minimum element${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` });
    }
    for (const s of ctx.graph.sboms) {
      if (!s.document.components.length) continue;
      const missing = [!s.document.authors.length && 'the author of the SBOM data', !s.document.timestamp && 'a timestamp'].filter((m): m is string => !!m);
      const source = ctx.graph.fileByPath.get(s.path)?.source;
      if (missing.length && source)
        ctx.report({ file: s.path, range: source.range(s.document.metaStart, s.document.metaEnd), message: `SBOM '${s.path}' lacks ${missing.join(' and ')} (NTIA minimum elements)` });
    }
  },
};
export default rule;
