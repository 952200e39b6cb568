import type { Rule } from '../types';

const rule: Rule = {
  meta: {
    code: 'TM004',
    alias: 'asset-in-several-zones',
    severity: 'error',
    category: 'structure',
    description: "An asset is placed in more than one zone (through its `zone` and zones' `assets` lists).",
    rationale: 'A zone is a set of assets that share security requirements; an asset in two zones has two sets of requirements and no defined boundary, so conduit and SL checks cannot be trusted.',
    source: 'IEC 62443-3-2 ZCR 3.1 and ZCR 6.4 (asset list per zone); Threagile "modeled in multiple trust boundaries"',
    fixable: false,
    since: '0.1.0',
    reads: [],
    examples: {
      valid: ['zones:\n  - id: Z-A\n    name: A\n    class: it\n    assets: [AST-1]\nassets:\n  - id: AST-1\n    name: Server\n    kind: component\n    zone: Z-A\n'],
      invalid: [
        'zones:\n  - id: Z-A\n    name: A\n    class: it\n  - id: Z-B\n    name: B\n    class: ot\n    assets: [AST-1]\nassets:\n  - id: AST-1\n    name: Server\n    kind: component\n    zone: Z-A\n#         ^^^ TM004\n',
      ],
    },
  },
  check(ctx) {
    for (const asset of ctx.graph.byKind.asset) {
      const zones = ctx.graph.zonesOfAsset.get(asset.id);
      if (!zones || zones.size < 2 || ctx.graph.byId.get(asset.id) !== asset) continue;
      const at = typeof asset.data.zone === 'string' ? ctx.rangeOf(asset, ['zone']) : ctx.rangeOf(asset);
      ctx.report({ file: asset.file, range: at, message: `asset '${asset.id}' is placed in ${zones.size} zones: ${[...zones].sort().join(', ')}` });
    }
  },
};
export default rule;
