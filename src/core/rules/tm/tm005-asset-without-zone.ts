import type { Rule } from '../types';

const NEEDS_ZONE = new Set<unknown>(['component', 'device', 'service', 'datastore', 'access-point']);

const rule: Rule = {
  meta: {
    code: 'TM005',
    alias: 'asset-without-zone',
    severity: 'warning',
    category: 'structure',
    description: 'An in-scope component, device, service, data store or access point belongs to no zone.',
    rationale:
      'IEC 62443-3-2 partitions the whole system under consideration into zones; an asset outside every zone has no security level target and escapes every conduit check. Mark assets outside the system with `in_scope: false`.',
    source: 'IEC 62443-3-2 ZCR 1.1 and ZCR 3.1; Threagile incomplete-model',
    fixable: false,
    since: '0.1.0',
    reads: ['in_scope', 'kind', 'problems'],
    examples: {
      valid: ['assets:\n  - id: AST-1\n    name: Hospital EHR\n    kind: service\n    in_scope: false\n'],
      invalid: ['assets:\n  - id: AST-1\n#       ^^^^^ TM005\n    name: Gateway\n    kind: device\n'],
    },
  },
  check(ctx) {
    for (const asset of ctx.graph.byKind.asset) {
      if (asset.data.in_scope === false || !NEEDS_ZONE.has(asset.data.kind)) continue;
      if (ctx.graph.zonesOfAsset.get(asset.id)?.size) continue;
      ctx.report({
        file: asset.file,
        range: ctx.rangeOf(asset),
        message: `asset '${asset.id}' belongs to no zone; set \`zone\` or mark it \`in_scope: false\``,
      });
    }
  },
};
export default rule;
