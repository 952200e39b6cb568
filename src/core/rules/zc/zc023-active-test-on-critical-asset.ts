import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { ModelItem } from '../../model/graph';
import type { Rule } from '../types';
import { zone } from './example-yaml';
import { firstDefinitions, isAvailabilityCritical, listIds, ZC_HELPERS_READS } from './helpers';

const ACTIVE_KINDS: ReadonlySet<unknown> = new Set(['active-scan', 'fuzz']);
const SAFE_ENVIRONMENTS: ReadonlySet<unknown> = new Set(['test-bed', 'maintenance-window', 'simulation']);

const rule: Rule = {
  meta: {
    code: 'ZC023',
    alias: 'active-test-on-critical-asset',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'An active scan or fuzz test targets an availability-critical asset outside a test bed, maintenance window or simulation.',
    rationale:
      "Active scanning and fuzzing can crash or stall OT and medical devices; on an asset whose availability is critical (`cia.a: critical`) that is a patient-safety event, not a test result. Such tests must state a safe `environment`: test-bed, maintenance-window or simulation; `production` or no environment is reported. Targets are the test's assets, and the assets of the zones it targets. Heuristic of ours on the availability-first principle.",
    source: 'NIST SP 800-82r3 (active scanning can disrupt OT); IEC 62443 availability-first principle; heuristic',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, 'channels', 'data', 'environment', 'kind', 'name', 'problems', 'sl', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-PUMP', 'device')}assets:
  - {id: AST-PUMP-CTRL, name: Pump controller, kind: device, zone: Z-PUMP, cia: {a: critical}}
tests:
  - {id: TC-SCAN-1, title: Port scan of the pump, kind: active-scan, targets: [AST-PUMP-CTRL], environment: test-bed}
`,
      ],
      invalid: [
        `zones:
${zone('Z-PUMP', 'device')}assets:
  - {id: AST-PUMP-CTRL, name: Pump controller, kind: device, zone: Z-PUMP, cia: {a: critical}}
tests:
  - id: TC-SCAN-1
    title: Port scan of the pump
    kind: active-scan
    targets: [Z-PUMP]
    environment: production
#                ^^^^^^^^^^ ZC023
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const t of firstDefinitions(ctx.graph, ctx.graph.byKind.test)) {
      if (!ACTIVE_KINDS.has(t.data.kind) || SAFE_ENVIRONMENTS.has(t.data.environment) || !Array.isArray(t.data.targets)) continue;
      const critical = new Set<string>();
      for (const id of t.data.targets) {
        const target = typeof id === 'string' ? ctx.graph.byId.get(id) : undefined;
        const assets: readonly ModelItem[] = target?.kind === 'asset' ? [target] : target?.kind === 'zone' ? zg.assetsOf(target.id) : [];
        for (const a of assets) if (isAvailabilityCritical(a)) critical.add(a.id);
      }
      if (critical.size === 0) continue;
      const environment = typeof t.data.environment === 'string' ? t.data.environment : undefined;
      const env = environment !== undefined;
      ctx.report({
        file: t.file,
        range: env ? ctx.rangeOf(t, ['environment']) : ctx.rangeOf(t, ['kind']),
        message: `${t.data.kind} test '${t.id}' targets availability-critical ${listIds([...critical])} ${env ? `in ${environment}` : 'with no `environment`'}: run it on a test-bed, in a maintenance-window or in simulation`,
      });
    }
  },
};
export default rule;
