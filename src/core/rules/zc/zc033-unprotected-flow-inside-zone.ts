import { zoneGraph, ZONE_GRAPH_READS } from '../../analysis/zone-graph';
import type { Rule } from '../types';
import { zone } from './example-yaml';
import { flowAuthenticated, flowEncrypted, sensitivity, FLOW_SECURITY_READS } from './flow-security';
import { firstDefinitions, listIds, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC033',
    alias: 'unprotected-flow-inside-zone',
    severity: 'warning',
    category: 'zones-conduits',
    description: 'A flow between two assets of the same zone carries sensitive data without authentication, or confidential data without encryption.',
    rationale:
      "Conduit checks see only traffic that crosses a zone boundary; a file share or database link inside a zone is invisible to them, yet an attacker who gets a foothold anywhere in the zone reads or alters it. A flow carries sensitive data when a data asset it names in `data` (or, without such names, its source or destination) has a high or critical confidentiality or integrity need in `cia`. Such a flow needs authenticated peers, and encryption too when confidentiality is high. The flow's own `authentication` and `encrypted` count first, then what its protocol provides natively; a flow whose protocol the vocabulary does not know and that states nothing is reported as unknown rather than passed. Flows across zones are the conduit rules' concern.",
    source:
      'IEC 62443-3-3 SR 1.2 (software process and device identification and authentication), SR 3.1 (communication integrity), SR 4.1 (information confidentiality); Threagile missing-authentication and unencrypted-communication',
    fixable: false,
    since: '0.2.0',
    reads: [...ZONE_GRAPH_READS, ...ZC_HELPERS_READS, ...FLOW_SECURITY_READS, 'channels', 'name', 'problems', 'sl', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-LAB', 'it')}assets:
  - {id: AST-LIMS, name: LIMS, kind: service, zone: Z-LAB}
  - {id: AST-FILES, name: File server, kind: datastore, zone: Z-LAB}
  - {id: AST-RESULTS, name: Patient results, kind: data, cia: {c: high, i: high}}
flows:
  - {id: F-EXPORT, source: AST-LIMS, destination: AST-FILES, protocol: sftp, data: [AST-RESULTS]}
`,
      ],
      invalid: [
        `zones:
${zone('Z-LAB', 'it')}assets:
  - {id: AST-LIMS, name: LIMS, kind: service, zone: Z-LAB}
  - {id: AST-FILES, name: File server, kind: datastore, zone: Z-LAB}
  - {id: AST-RESULTS, name: Patient results, kind: data, cia: {c: high, i: high}}
flows:
  - id: F-EXPORT
    source: AST-LIMS
    destination: AST-FILES
    protocol: http
#             ^^^^ ZC033
    data: [AST-RESULTS]
`,
      ],
    },
  },
  check(ctx) {
    const zg = zoneGraph(ctx);
    for (const f of firstDefinitions(ctx.graph, ctx.graph.byKind.flow)) {
      const z = zg.zoneOf(f.data.source);
      if (!z || z !== zg.zoneOf(f.data.destination)) continue;
      const { items, confidential } = sensitivity(ctx.graph, f);
      if (items.length === 0) continue;
      const protocol = typeof f.data.protocol === 'string' ? f.data.protocol : 'its protocol';
      const auth = flowAuthenticated(f, ctx.config.protocols);
      const enc = confidential ? flowEncrypted(f, ctx.config.protocols) : { value: true, inferred: false };
      const problems: string[] = [];
      if (auth.value === false) problems.push(auth.inferred ? `is unauthenticated (${protocol} has no native authentication)` : 'is unauthenticated (`authentication: none`)');
      if (enc.value === false) problems.push(enc.inferred ? `is unencrypted (${protocol} does not encrypt)` : 'is unencrypted (`encrypted: false`)');
      const unknown = [auth.value === undefined ? '`authentication`' : '', enc.value === undefined ? '`encrypted`' : ''].filter(Boolean);
      if (unknown.length > 0) problems.push(`states no ${unknown.join(' or ')}, and ${protocol} is not in the protocol vocabulary`);
      if (problems.length === 0) continue;
      const remedy = [auth.value !== true ? 'authenticate the peers' : '', enc.value !== true ? 'encrypt the flow' : ''].filter(Boolean).join(' and ');
      const stated = typeof f.data.authentication === 'string' && auth.value === false;
      ctx.report({
        file: f.file,
        range: stated ? ctx.rangeOf(f, ['authentication']) : ctx.rangeOf(f, ['protocol']),
        message: `flow '${f.id}' inside zone '${z.id}' carries sensitive data (${listIds(items.map((i) => i.id))}) and ${problems.join(' and ')}: ${remedy}, and state it on the flow`,
      });
    }
  },
};
export default rule;
