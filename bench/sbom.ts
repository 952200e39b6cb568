// Loading a large SBOM (issue 15): a 10,000-component CycloneDX 1.6 JSON with dependencies and vulnerabilities,
// plus an OpenVEX document for half the vulnerabilities, read through the model loader as `spdf lint` reads it.
// Baseline measured in the same run: JSON.parse of the same text. Schema compilation (once per process) is
// reported apart from the per-load time.
import { performance } from 'node:perf_hooks';
import { MemoryHost } from '../src/core/host';
import { loadWorkspace } from '../src/core/model/load-workspace';
import { cyclonedxSchemaValidator } from '../src/node/sbom-schemas';

export function generateSbom(n: number): { sbom: string; vex: string } {
  const components = Array.from({ length: n }, (_, i) => ({
    type: 'library',
    'bom-ref': `pkg:npm/pkg-${i}@1.${i % 10}.0`,
    supplier: { name: `Supplier ${i % 97}` },
    name: `pkg-${i}`,
    version: `1.${i % 10}.0`,
    licenses: [{ license: { id: 'MIT' } }],
    purl: `pkg:npm/pkg-${i}@1.${i % 10}.0`,
    properties: [
      { name: 'spdf:support-level', value: 'actively-maintained' },
      { name: 'cdx:lifecycle:milestone:endOfSupport', value: '2030-01-01' },
    ],
  }));
  const dependencies = components.map((c, i) => ({ ref: c['bom-ref'], dependsOn: i + 1 < n ? [components[i + 1]['bom-ref']] : [] }));
  const vulnerabilities = components.filter((_, i) => i % 50 === 0).map((c, i) => ({ id: `CVE-2026-${10000 + i}`, affects: [{ ref: c['bom-ref'] }] }));
  const sbom = JSON.stringify(
    { bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, metadata: { timestamp: '2026-01-01T00:00:00Z', authors: [{ name: 'Bench' }] }, components, dependencies, vulnerabilities },
    null,
    2,
  );
  const vex = JSON.stringify({
    '@context': 'https://openvex.dev/ns/v0.2.0',
    author: 'Bench',
    timestamp: '2026-01-02T00:00:00Z',
    statements: vulnerabilities
      .filter((_, i) => i % 2 === 0)
      .map((v) => ({ vulnerability: { name: v.id }, products: [{ '@id': v.affects[0].ref }], status: 'not_affected', justification: 'component_not_present' })),
  });
  return { sbom, vex };
}

export async function runSbomBench({ quick }: { quick?: boolean } = {}): Promise<void> {
  const n = quick ? 1000 : 10_000;
  const { sbom, vex } = generateSbom(n);
  const host = new MemoryHost(
    new Map([
      ['spdf.config.yaml', 'profile: all\n'],
      ['model.spdf.yaml', 'system:\n  id: SYS-BENCH\n  name: Bench\n  sbom: big.cdx.json\n  vex: [big.openvex.json]\n'],
      ['big.cdx.json', sbom],
      ['big.openvex.json', vex],
    ]),
  );
  const validate = cyclonedxSchemaValidator();
  let t = performance.now();
  validate('cyclonedx-json', '1.6', { bomFormat: 'CycloneDX', specVersion: '1.6', version: 1 });
  console.log(`schema compile (once per process): ${(performance.now() - t).toFixed(0)} ms`);
  const runs = quick ? 1 : 5;
  const times: number[] = [];
  const parse: number[] = [];
  let components = 0;
  for (let r = 0; r < runs; r++) {
    t = performance.now();
    JSON.parse(sbom);
    parse.push(performance.now() - t);
    t = performance.now();
    const ws = await loadWorkspace(host, { sbomValidator: validate });
    times.push(performance.now() - t);
    components = ws.graph.byKind.component.length;
    if (ws.graph.problems.length) throw new Error(`bench SBOM has problems: ${ws.graph.problems[0].message}`);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `${components} components (${(sbom.length / 1e6).toFixed(1)} MB) + OpenVEX, validated: median ${med(times).toFixed(0)} ms per load (target < 1000 ms); JSON.parse alone ${med(parse).toFixed(0)} ms (x${(med(times) / med(parse)).toFixed(1)})`,
  );
}

if (require.main === module)
  runSbomBench({ quick: process.argv.includes('--quick') }).catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
