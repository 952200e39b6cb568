import { placeholder } from '../../fixes/placeholder';
import type { ModelItem } from '../../model/graph';
import type { Fix, TextEdit } from '../../types';
import { deref, pairOf } from '../../yaml/ynode';
import type { Rule, RuleContext } from '../types';
import { firstDefinitions, insertKey, ZC_HELPERS_READS } from './helpers';

const NOTE = 'spdf ZC002: fill in';
const TODO = placeholder('ZC002');

const present = (v: unknown) => v !== undefined && v !== null && v !== '';

/** Missing ZCR 6.4 characteristics of a zone, in a fixed order. */
function missing(zone: ModelItem): string[] {
  const b = zone.data.boundary;
  const out: string[] = [];
  if (!present(zone.data.accountable_org)) out.push('accountable_org');
  if (!present(b?.logical)) out.push('boundary.logical');
  if (!present(b?.physical)) out.push('boundary.physical');
  if (!Array.isArray(zone.data.access_points)) out.push('access_points');
  if (typeof zone.data.safety_designation !== 'boolean') out.push('safety_designation');
  return out;
}

/**
 * Placeholders for the descriptive characteristics only (organisation, boundaries). Access points and
 * the safety designation are decisions about the zone, so the fix leaves them to a person.
 */
function placeholders(ctx: RuleContext, zone: ModelItem, gaps: string[]): Fix | undefined {
  const file = ctx.graph.fileByPath.get(zone.file)!;
  const top: TextEdit[] = [];
  if (gaps.includes('accountable_org')) top.push(insertKey(file, zone, 'accountable_org', TODO, NOTE));
  const boundaryPair = pairOf(zone.node, 'boundary');
  const boundary = deref(boundaryPair?.value);
  const nested: TextEdit[] = [];
  if (!boundaryPair || !boundary || (boundary.kind === 'scalar' && boundary.value === null)) {
    if (!boundaryPair && (gaps.includes('boundary.logical') || gaps.includes('boundary.physical')))
      top.push(insertKey(file, zone, 'boundary', `{logical: ${TODO}, physical: ${TODO}}`, 'spdf ZC002: describe the logical and physical boundary'));
  } else if (boundary.kind === 'map') {
    const inner = { ...zone, node: boundary };
    for (const key of ['logical', 'physical']) if (gaps.includes(`boundary.${key}`) && !pairOf(boundary, key)) nested.push(insertKey(file, inner, key, TODO, NOTE));
  }
  const edits = [...merge(top), ...merge(nested)];
  if (edits.length === 0) return undefined;
  return { description: `Add TODO placeholders for ${gaps.filter((g) => !['access_points', 'safety_designation'].includes(g)).join(', ')}`, edits };
}

/** Inserts at one point become one edit (two inserts at the same offset would conflict). */
function merge(edits: TextEdit[]): TextEdit[] {
  if (edits.length < 2) return edits;
  return [{ ...edits[0], newText: edits.map((e) => e.newText).join('') }];
}

const rule: Rule = {
  meta: {
    code: 'ZC002',
    alias: 'zone-missing-characteristics',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A zone lacks a ZCR 6.4 characteristic: accountable_org, logical or physical boundary, access_points, safety_designation.',
    rationale:
      'The cybersecurity requirements specification documents, for every zone, who is accountable, where its logical and physical boundaries run, its access points and whether it is safety-designated; an auditor checks exactly these. `access_points: []` states that the zone has none. The quick fix adds TODO placeholders for the organisation and the boundaries only; access points and the safety designation are decisions it leaves to a person.',
    source: 'IEC 62443-3-2 ZCR 6.4 (zone and conduit characteristics), ZCR 1.1 (access points), ZCR 3.3 (safety designation)',
    fixable: true,
    since: '0.1.0',
    reads: [...ZC_HELPERS_READS, 'access_points', 'accountable_org', 'boundary', 'data', 'kind', 'problems', 'safety_designation', 'source', 'text'],
    examples: {
      valid: [
        `zones:
  - id: Z-PUMP
    name: Pump controller
    class: device
    accountable_org: R&D Firmware
    boundary: {logical: Internal UART bus, physical: Pump enclosure}
    access_points: []
    safety_designation: true
    sl_t: 1
`,
      ],
      invalid: [
        `zones:
  - id: Z-PUMP
#       ^^^^^^ ZC002
    name: Pump controller
    class: device
    boundary: {logical: Internal UART bus}
    sl_t: 1
`,
      ],
    },
  },
  check(ctx) {
    for (const zone of firstDefinitions(ctx.graph, ctx.graph.byKind.zone)) {
      const gaps = missing(zone);
      if (gaps.length === 0) continue;
      ctx.report({
        file: zone.file,
        range: ctx.rangeOf(zone),
        message: `zone '${zone.id}' does not document ${gaps.join(', ')} (IEC 62443-3-2 ZCR 6.4 zone characteristics)`,
        fix: placeholders(ctx, zone, gaps),
      });
    }
  },
};
export default rule;
