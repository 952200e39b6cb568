import type { Rule } from '../types';
import { channelsOf, CHANNELS_READS } from './channels';
import { zone } from './example-yaml';
import { firstDefinitions, ZC_HELPERS_READS } from './helpers';

const rule: Rule = {
  meta: {
    code: 'ZC019',
    alias: 'remote-access-without-mfa',
    severity: 'error',
    category: 'zones-conduits',
    description: 'A conduit used for remote access over untrusted networks has no channel with multi-factor authentication.',
    rationale:
      'Remote and vendor access over networks outside the system is the most used way into control systems; human users coming in that way have to present more than one factor. A conduit with `remote_access: true` needs at least one channel with `authentication: mfa`, the one people log in through.',
    source: 'IEC 62443-3-3 SR 1.13 (access via untrusted networks) and SR 1.1 RE 2 (multifactor authentication for untrusted networks)',
    fixable: false,
    since: '0.1.0',
    reads: [...ZC_HELPERS_READS, ...CHANNELS_READS, 'authentication', 'data', 'encrypted', 'kind', 'name', 'problems', 'protocol', 'remote_access', 'sl', 'source', 'text'],
    examples: {
      valid: [
        `zones:
${zone('Z-VENDOR', 'external')}${zone('Z-DMZ', 'dmz')}conduits:
  - id: C-VENDOR-DMZ
    zones: [Z-VENDOR, Z-DMZ]
    remote_access: true
    channels: [{protocol: tls-vpn, port: 443, authentication: mfa}]
    sl_t: 1
`,
      ],
      invalid: [
        `zones:
${zone('Z-VENDOR', 'external')}${zone('Z-DMZ', 'dmz')}conduits:
  - id: C-VENDOR-DMZ
    zones: [Z-VENDOR, Z-DMZ]
    remote_access: true
#                  ^^^^ ZC019
    channels: [{protocol: tls-vpn, port: 443, authentication: credentials}]
    sl_t: 1
`,
      ],
    },
  },
  check(ctx) {
    for (const c of firstDefinitions(ctx.graph, ctx.graph.byKind.conduit)) {
      if (c.data.remote_access !== true) continue;
      const channels = channelsOf(c);
      if (channels.some((ch) => ch.data.authentication === 'mfa')) continue;
      const used = [...new Set(channels.map((ch) => (typeof ch.data.authentication === 'string' ? ch.data.authentication : 'unspecified')))];
      ctx.report({
        file: c.file,
        range: ctx.rangeOf(c, ['remote_access']),
        message: `remote-access conduit '${c.id}' has no channel with \`authentication: mfa\`${used.length ? ` (channels use ${used.join(', ')})` : ' (no channels declared)'}`,
      });
    }
  },
};
export default rule;
