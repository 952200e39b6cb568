import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { Rule } from '../types';
import { device, zone } from './example-yaml';
import { isRequestResponse, FLOW_SECURITY_READS } from './flow-security';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC018',
    alias: 'bidirectional-conduit-one-way-flows',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A conduit declared bidirectional carries only flows that go one way and are not request/response.',
    rationale:
      'Least functionality: if every declared flow through a conduit goes from one zone to the other, the return direction is capability nobody needs and an attacker can use. Declare the conduit one-way (`a-to-b` or `b-to-a`) and enforce it, or use a data diode (`unidirectional-hw`). A request/response flow (HTTPS, Modbus, OPC UA, database and file-share protocols: the answer comes back on the same session) carries data both ways and cannot run through a diode, so it counts in both directions; a flow says so with `bidirectional: true|false`, otherwise its protocol decides. The editor offers the one-way direction as a suggestion, never as an automatic fix: whether the peers still work one way is a decision for a person. Heuristic of ours; the flows considered are those the conduit lists or that name it.',
    source: 'Heuristic, from IEC 62443-3-3 SR 7.7 (least functionality); Threagile unnecessary-communication-link',
    fixable: false,
    since: '0.1.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, ...FLOW_SECURITY_READS, 'channels', 'name', 'sl', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}assets:
${device('AST-HISTORIAN', 'Z-DMZ')}${device('AST-GATEWAY', 'Z-GW')}flows:
  - {id: F-TRENDS, source: AST-GATEWAY, destination: AST-HISTORIAN, protocol: syslog-tls, conduit: C-GW-DMZ}
conduits:
  - {id: C-GW-DMZ, zones: [Z-GW, Z-DMZ], direction: a-to-b, channels: [{protocol: syslog-tls}], sl_t: 1}
`,
      ],
      invalid: [
        `zones:
${zone('Z-DMZ', 'dmz')}${zone('Z-GW', 'ot')}assets:
${device('AST-HISTORIAN', 'Z-DMZ')}${device('AST-GATEWAY', 'Z-GW')}flows:
  - {id: F-TRENDS, source: AST-GATEWAY, destination: AST-HISTORIAN, protocol: syslog-tls, conduit: C-GW-DMZ}
conduits:
  - id: C-GW-DMZ
    zones: [Z-GW, Z-DMZ]
    direction: bidirectional
#              ^^^^^^^^^^^^^ ZC018
    channels: [{protocol: syslog-tls}]
    sl_t: 1
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
      if (c.data.direction !== 'bidirectional') continue;
      const zones = zg.conduitZones(c);
      if (zones.length !== 2) continue;
      let forward = 0;
      let backward = 0;
      for (const f of zg.flowsOf(c)) {
        const s = zg.zoneOf(f.data.source);
        const d = zg.zoneOf(f.data.destination);
        const along = s === zones[0] && d === zones[1];
        const against = s === zones[1] && d === zones[0];
        if (!along && !against) continue;
        if (along || isRequestResponse(f)) forward++;
        if (against || isRequestResponse(f)) backward++;
      }
      if (forward + backward === 0 || (forward > 0 && backward > 0)) continue;
      const dir = forward > 0 ? 'a-to-b' : 'b-to-a';
      const [src, dst] = forward > 0 ? zones : [zones[1], zones[0]];
      const range = ctx.rangeOf(c, ['direction']);
      ctx.report({
        file: c.file,
        range,
        message: `conduit '${c.id}' is bidirectional, but ${forward + backward === 1 ? 'its only declared flow goes' : `all ${forward + backward} declared flows go`} ${src.id} -> ${dst.id}: declare \`direction: ${dir}\` (or a diode) and enforce it`,
        suggestions: [{ description: `Declare direction ${dir}`, edits: [{ file: c.file, range, newText: dir }] }],
      });
    }
  },
};
export default rule;
