import type { YMap, YNode } from '../yaml/ynode';
import type { ModelDocument, ModelItem, ModelRef, ReadSource } from './model-types';
import { readThreagileSources } from './threagile-includes';
import { bool, entries, get, map, num, seq, str, strings } from './tree';
import type { SourcePos } from './types';

const ZONE_CLASS: Record<string, string> = {
  'network-on-prem': 'it',
  'network-dedicated-hoster': 'it',
  'network-virtual-lan': 'it',
  'network-cloud-provider': 'cloud',
  'network-cloud-security-group': 'cloud',
  'network-policy-namespace-isolation': 'cloud',
  'execution-environment': 'it',
};
const ASSET_KIND: Record<string, string> = { 'external-entity': 'external-entity', process: 'component', datastore: 'datastore' };
const CONFIDENTIALITY: Record<string, string> = { public: 'low', internal: 'low', restricted: 'medium', confidential: 'high', 'strictly-confidential': 'critical' };
const CRITICALITY: Record<string, string> = { archive: 'low', operational: 'low', important: 'medium', critical: 'high', 'mission-critical': 'critical' };
const AUTHENTICATION: Record<string, string> = { none: 'none', credentials: 'credentials', 'session-id': 'token', token: 'token', 'client-certificate': 'mutual-tls', 'two-factor': 'mfa' };
/** Threagile protocol names the model spells differently; the others are written as they are (TM006 reports unknown ones). */
const PROTOCOL: Record<string, string> = {
  'jdbc-encrypted': 'jdbc',
  'mqtt-encrypted': 'mqtt-tls',
  'smb-encrypted': 'smb',
  ldap: 'ldap',
  ldaps: 'ldaps',
  'ssh-tunnel': 'ssh',
  'in-process-library-call': 'unknown',
  'local-file-access': 'unknown',
};
const STRIDE: Record<string, string> = { spoofing: 'S', tampering: 'T', repudiation: 'R', 'information-disclosure': 'I', 'denial-of-service': 'D', 'elevation-of-privilege': 'E' };
/** What a Threagile risk names as its target, and where the model has it (link IDs are flow IDs: source>link-name). */
const RISK_TARGETS: [string, ModelRef['sections']][] = [
  ['most_relevant_technical_asset', ['assets']],
  ['most_relevant_data_asset', ['assets']],
  ['most_relevant_communication_link', ['flows']],
  ['most_relevant_trust_boundary', ['zones']],
  ['data_breach_technical_assets', ['assets']],
];
const RISK_STATUS: Record<string, string> = { unchecked: 'open', 'in-discussion': 'open', 'in-progress': 'open', accepted: 'accepted', mitigated: 'mitigated', 'false-positive': 'n/a' };
const HANDLED = new Set([
  'data_assets',
  'technical_assets',
  'trust_boundaries',
  'shared_runtimes',
  'individual_risk_categories',
  'custom_risk_categories',
  'risk_tracking',
  'abuse_cases',
  'security_requirements',
]);
const METADATA = new Set(['threagile_version', 'title', 'date', 'author', 'management_summary_comment', 'business_criticality', 'business_overview', 'technical_overview', 'tags_available']);
/** Sections the model has no place for, listed in the report. */
const OTHER = new Set(['contributors', 'application_description', 'questions']);

const scalarText = (n: YNode): string => String(str(n) ?? num(n) ?? '?');

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Threagile YAML: trust boundaries -> zones, technical assets (with CIA) -> assets, data assets -> data
 * assets, communication links -> flows (authentication, encryption) plus one conduit per pair of zones
 * they cross, individual risks and risk tracking -> threats (accepted -> acceptance). Shared runtimes,
 * nesting of boundaries and questions have no model place and are reported. Abuse cases -> threats and
 * security requirements -> requirements (name and text; the ID made from the name). The files its `includes`
 * name are read through `read` and merged in first (`./threagile-includes`); positions stay in each file.
 */
export async function parseThreagile(file: string, text: string, read: ReadSource): Promise<ModelDocument> {
  const sources = await readThreagileSources(file, text, read);
  const doc: ModelDocument = { items: [], notes: sources.notes, ...(sources.included.length ? { included: sources.included } : {}) };
  const root = sources.root;
  if (!root) return doc;
  const at = sources.at;
  const version = get(root, 'threagile_version');
  if (!version && !get(root, 'technical_assets')) doc.notes.push({ pos: at(root), kind: 'error', message: "not a Threagile model: no 'threagile_version' or 'technical_assets'" });
  else if (!version) doc.notes.push({ pos: at(root), kind: 'error', message: "no 'threagile_version': the Threagile version the model was written for is unknown (this importer reads 1.x)" });
  else if (!/^1(\.|$)/.test(scalarText(version)))
    doc.notes.push({
      pos: at(version),
      kind: 'error',
      message: `threagile_version '${scalarText(version)}' is not Threagile 1.x, the version this importer reads: its elements may mean something else`,
    });
  for (const f of sources.files)
    for (const p of f.pairs) {
      const k = String(p.key.value);
      if (HANDLED.has(k) || k === 'includes') continue;
      if (k.startsWith('diagram_tweak_')) doc.notes.push({ pos: at(p.key), kind: 'skipped', subject: 'layout', message: `'${k}' (diagram layout) not imported` });
      else if (OTHER.has(k)) doc.notes.push({ pos: at(p.key), kind: 'skipped', subject: 'metadata', message: `'${k}' not imported (the model has no place for it)` });
      else if (!METADATA.has(k)) doc.notes.push({ pos: at(p.key), kind: 'skipped', subject: 'element', message: `'${k}' is not a Threagile section; not read` });
    }
  const element = (e: { key?: string; node: YNode }, what: string): { m: YMap; id: string; name: string } | undefined => {
    const m = map(e.node);
    const id = str(get(m, 'id'));
    if (!m || !id) return void doc.notes.push({ pos: at(e.node), kind: 'error', message: `${what} '${e.key ?? '?'}' without an 'id'; not imported` });
    return { m, id, name: e.key ?? id };
  };
  const cia = (m: YMap, lost: string[]) => {
    const c = str(get(m, 'confidentiality'));
    const i = str(get(m, 'integrity'));
    const a = str(get(m, 'availability'));
    const out: Record<string, string> = {};
    if (c && CONFIDENTIALITY[c]) out.c = CONFIDENTIALITY[c];
    if (i && CRITICALITY[i]) out.i = CRITICALITY[i];
    if (a && CRITICALITY[a]) out.a = CRITICALITY[a];
    if (c || i || a) lost.push(`CIA ${[c, i, a].map((x) => x ?? '-').join('/')} kept as ${['c', 'i', 'a'].map((k) => out[k] ?? '-').join('/')} (five Threagile levels onto four)`);
    for (const [k, v] of [
      ['confidentiality', c],
      ['integrity', i],
      ['availability', a],
    ] as const)
      if (v && !(k === 'confidentiality' ? CONFIDENTIALITY : CRITICALITY)[v]) lost.push(`${k} '${v}' is not a Threagile level; not kept`);
    return Object.keys(out).length ? { cia: out } : {};
  };
  const push = (item: Omit<ModelItem, 'lost'> & { lost?: string[] }) => doc.items.push({ lost: [], ...item });

  const assetIds = new Set(entries(get(root, 'technical_assets')).map((t) => str(get(map(t.node), 'id'))));
  const zoneOf = new Map<string, string>();
  const boundaryPos = new Map<string, SourcePos>();
  for (const b of entries(get(root, 'trust_boundaries'))) {
    const e = element(b, 'trust boundary');
    if (!e) continue;
    const type = str(get(e.m, 'type')) ?? '';
    const lost: string[] = [];
    const inside = strings(get(e.m, 'technical_assets_inside'));
    const internet = inside.some((id) => entries(get(root, 'technical_assets')).some((t) => str(get(map(t.node), 'id')) === id && bool(get(map(t.node), 'internet'))));
    const cls = internet ? 'external' : (ZONE_CLASS[type] ?? 'it');
    lost.push(`type '${type || '(none)'}'${internet ? ' with an internet-facing asset' : ''} kept as class '${cls}'`);
    const nested = strings(get(e.m, 'trust_boundaries_nested'));
    if (nested.length) lost.push(`nests ${nested.join(', ')}: flattened (IEC 62443 zones do not nest; each asset stays in the boundary that lists it)`);
    const description = str(get(e.m, 'description'));
    push({ section: 'zones', id: e.id, element: 'trust_boundary', fields: { name: e.name, class: cls, ...(description ? { description } : {}) }, refs: {}, lost, pos: at(e.m) });
    for (const x of entries(get(e.m, 'technical_assets_inside'))) {
      const a = str(x.node);
      if (a === undefined) continue;
      const held = zoneOf.get(a);
      if (!assetIds.has(a) || held)
        doc.notes.push({
          pos: at(x.node),
          kind: 'lost',
          subject: 'relation',
          message: `${e.id}: technical asset '${a}' inside not kept: ${held ? `it is inside '${held}' already (an asset is in one zone)` : 'no technical asset has that ID'}`,
        });
      else zoneOf.set(a, e.id);
    }
    boundaryPos.set(e.id, at(e.m));
  }
  for (const s of entries(get(root, 'shared_runtimes')))
    doc.notes.push({
      pos: at(s.node),
      kind: 'skipped',
      subject: 'changed',
      message: `shared runtime '${s.key ?? '?'}' not imported (the model has no shared runtime; its assets are imported on their own)`,
    });

  for (const d of entries(get(root, 'data_assets'))) {
    const e = element(d, 'data asset');
    if (!e) continue;
    const lost: string[] = [];
    const description = str(get(e.m, 'description'));
    push({ section: 'assets', id: e.id, element: 'data_asset', fields: { name: e.name, kind: 'data', ...(description ? { description } : {}), ...cia(e.m, lost) }, refs: {}, lost, pos: at(e.m) });
  }

  const flowsBetween = new Map<string, { a: string; b: string; flows: ModelRef[]; pos: SourcePos }>();
  // Data an asset processes or stores that a link of it carries is on the model's flows; the rest has no place.
  const carried = new Map<string, Set<string>>();
  for (const t of entries(get(root, 'technical_assets'))) {
    const tm = map(t.node);
    for (const l of entries(get(tm, 'communication_links'))) {
      const lm = map(l.node);
      const data = [...strings(get(lm, 'data_assets_sent')), ...strings(get(lm, 'data_assets_received'))];
      for (const end of [str(get(tm, 'id')), str(get(lm, 'target'))]) if (end) carried.set(end, new Set([...(carried.get(end) ?? []), ...data]));
    }
  }
  for (const t of entries(get(root, 'technical_assets'))) {
    const e = element(t, 'technical asset');
    if (!e) continue;
    const lost: string[] = [];
    const type = str(get(e.m, 'type')) ?? '';
    const kind = ASSET_KIND[type] ?? 'component';
    if (!ASSET_KIND[type]) lost.push(`type '${type}' is not a Threagile type: kept as kind 'component'`);
    const description = str(get(e.m, 'description'));
    const technology = str(get(e.m, 'technology'));
    const outOfScope = bool(get(e.m, 'out_of_scope')) === true;
    for (const k of ['machine', 'encryption']) if (str(get(e.m, k)) && str(get(e.m, k)) !== 'none') lost.push(`${k} '${str(get(e.m, k))}' not kept`);
    for (const k of ['multi_tenant', 'redundant']) if (bool(get(e.m, k))) lost.push(`${k}: true not kept`);
    for (const use of ['data_assets_processed', 'data_assets_stored'])
      for (const d of entries(get(e.m, use))) {
        const data = str(d.node);
        if (data && !carried.get(e.id)?.has(data))
          doc.notes.push({
            pos: at(d.node),
            kind: 'lost',
            subject: 'relation',
            message: `${e.id}: ${use} '${data}' not kept: no link of this asset carries it (an asset has no data field; name the data on a flow)`,
          });
      }
    const zone = zoneOf.get(e.id);
    if (!zone && !outOfScope) lost.push('in no trust boundary: no zone (ZC rules report it)');
    const refs: ModelItem['refs'] = zone ? { zone: { id: zone, sections: ['zones'], pos: boundaryPos.get(zone)! } } : {};
    push({
      section: 'assets',
      id: e.id,
      element: 'technical_asset',
      fields: { name: e.name, kind, ...(description ? { description } : {}), ...(technology ? { technology } : {}), ...(outOfScope ? { in_scope: false } : {}), ...cia(e.m, lost) },
      refs,
      lost,
      pos: at(e.m),
    });
    for (const l of entries(get(e.m, 'communication_links'))) {
      const lm = map(l.node);
      const target = str(get(lm, 'target'));
      const id = `${e.id}>${slug(l.key ?? '')}`;
      if (!lm || !target) {
        doc.notes.push({ pos: at(l.node), kind: 'error', message: `communication link '${l.key ?? '?'}' of '${e.id}' without a target; not imported` });
        continue;
      }
      const flost: string[] = [];
      const proto = str(get(lm, 'protocol')) ?? 'unknown';
      const protocol = PROTOCOL[proto] ?? proto;
      if (protocol !== proto) flost.push(`protocol '${proto}' written as '${protocol}'`);
      const auth = str(get(lm, 'authentication'));
      const authentication = auth ? AUTHENTICATION[auth] : undefined;
      if (auth && !authentication) flost.push(`authentication '${auth}' has no model value; not kept`);
      const authz = str(get(lm, 'authorization'));
      if (authz && authz !== 'none') flost.push(`authorization '${authz}' not kept`);
      if (bool(get(lm, 'vpn'))) flost.push('vpn: true not kept (declare the tunnel as a conduit channel)');
      if (bool(get(lm, 'ip_filtered'))) flost.push('ip_filtered: true not kept (set the conduit filtering)');
      if (bool(get(lm, 'readonly'))) flost.push('readonly: true not kept');
      const sent = strings(get(lm, 'data_assets_sent'));
      const received = strings(get(lm, 'data_assets_received'));
      const fields: Record<string, unknown> = { name: l.key ?? id, protocol };
      if (authentication) fields.authentication = authentication;
      if (received.length) fields.bidirectional = true;
      const data = [...new Set([...sent, ...received])];
      const refs: ModelItem['refs'] = { source: { id: e.id, sections: ['assets'], pos: at(l.node), required: true }, destination: { id: target, sections: ['assets'], pos: at(lm), required: true } };
      if (data.length) refs.data = data.map((x) => ({ id: x, sections: ['assets'], pos: at(lm) }));
      push({ section: 'flows', id, element: 'communication_link', fields, refs, lost: flost, pos: at(l.node) });
      const [za, zb] = [zoneOf.get(e.id), zoneOf.get(target)];
      if (za && zb && za !== zb && assetIds.has(target)) {
        const [a, b] = za < zb ? [za, zb] : [zb, za];
        const c = flowsBetween.get(`${a}\u0000${b}`) ?? { a, b, flows: [], pos: at(l.node) };
        c.flows.push({ id, sections: ['flows'], pos: at(l.node) });
        flowsBetween.set(`${a}\u0000${b}`, c);
      }
    }
  }
  for (const c of flowsBetween.values())
    push({
      section: 'conduits',
      id: `C-${c.a}-${c.b}`,
      element: 'conduit (synthesized from the links between two boundaries)',
      fields: { name: `${c.a} <-> ${c.b}` },
      refs: { zones: [c.a, c.b].map((z) => ({ id: z, sections: ['zones'], pos: c.pos })), flows: c.flows },
      pos: c.pos,
    });

  // Threagile 1.x keys them by title; later versions list them as custom_risk_categories with a title field.
  for (const r of [...entries(get(root, 'individual_risk_categories')), ...entries(get(root, 'custom_risk_categories'))]) {
    const e = element(r, 'individual risk category');
    if (!e) continue;
    const lost: string[] = [];
    const stride = str(get(e.m, 'stride'));
    const cwe = str(get(e.m, 'cwe'));
    const targets: ModelRef[] = [];
    for (const risk of entries(get(e.m, 'risks_identified'))) {
      const rm = map(risk.node);
      for (const [k, sections] of RISK_TARGETS) {
        const t = get(rm, k);
        for (const n of seq(t) ? entries(t) : t ? [{ node: t }] : []) {
          const id = str(n.node);
          if (id) targets.push({ id, sections, pos: at(n.node) });
        }
      }
      const runtime = get(rm, 'most_relevant_shared_runtime');
      if (str(runtime) && runtime)
        doc.notes.push({ pos: at(runtime), kind: 'lost', subject: 'relation', message: `${e.id}: target shared runtime '${str(runtime)}' not kept (the model has no shared runtime)` });
      lost.push(`risk '${risk.key ?? '?'}': severity, likelihood and impact not kept`);
    }
    for (const k of ['impact', 'action', 'check', 'detection_logic', 'risk_assessment']) if (str(get(e.m, k))) lost.push(`${k} text not kept`);
    const description = str(get(e.m, 'description'));
    const mitigation = str(get(e.m, 'mitigation'))?.trim();
    const refs: ModelItem['refs'] = targets.length ? { targets } : {};
    if (mitigation) {
      const cid = `${e.id}-mitigation`;
      const title = mitigation.split('\n')[0].slice(0, 120);
      refs.controls = [{ id: cid, sections: ['controls'], pos: at(e.m) }];
      push({
        section: 'controls',
        id: cid,
        element: 'risk category mitigation text',
        fields: { title, ...(title !== mitigation ? { description: mitigation } : {}), status: 'planned' },
        refs: {},
        pos: at(e.m),
      });
    }
    push({
      section: 'threats',
      id: e.id,
      element: 'individual_risk_category',
      fields: {
        title: str(get(e.m, 'title')) ?? e.name,
        ...(description ? { description } : {}),
        ...(stride && STRIDE[stride] ? { stride: [STRIDE[stride]] } : {}),
        ...(cwe ? { refs: { cwe: [`CWE-${cwe}`] } } : {}),
      },
      refs,
      lost,
      pos: at(e.m),
    });
  }
  // Name: text entries; the name is the title and, as a slug, the ID (abuse-NAME for threats, apart from risk category IDs).
  for (const [key, section, element] of [
    ['abuse_cases', 'threats', 'abuse_case'],
    ['security_requirements', 'requirements', 'security_requirement'],
  ] as const)
    for (const x of entries(get(root, key))) {
      const name = x.key ?? '';
      const text = str(x.node)?.trim();
      if (!slug(name)) {
        doc.notes.push({ pos: at(x.node), kind: 'error', message: `${element} without a name; not imported` });
        continue;
      }
      const fields = section === 'threats' ? { title: name, ...(text ? { description: text } : {}) } : { title: name, ...(text ? { text } : {}) };
      push({
        section,
        id: section === 'threats' ? `abuse-${slug(name)}` : slug(name),
        element,
        fields,
        refs: {},
        lost: section === 'threats' ? ['no targets in the source (an abuse case names none)'] : [],
        pos: at(x.node),
      });
    }
  for (const r of entries(get(root, 'risk_tracking'))) {
    const m = map(r.node);
    const id = r.key ?? '';
    if (!m) {
      doc.notes.push({ pos: at(r.node), kind: 'error', message: `risk tracking '${id}' is not a mapping; not imported` });
      continue;
    }
    const lost: string[] = [];
    const status = str(get(m, 'status')) ?? 'unchecked';
    const fields: Record<string, unknown> = { title: `${id.split('@')[0]} (tracked Threagile risk)` };
    if (RISK_STATUS[status]) fields.status = RISK_STATUS[status];
    else lost.push(`status '${status}' is not a Threagile status; not kept`);
    if (status !== 'accepted' && RISK_STATUS[status] === 'open' && status !== 'unchecked') lost.push(`status '${status}' kept as open`);
    const justification = str(get(m, 'justification'));
    if (status === 'accepted') {
      fields.acceptance = {
        ...(str(get(m, 'checked_by')) ? { by: str(get(m, 'checked_by')) } : {}),
        ...(str(get(m, 'date')) ? { on: str(get(m, 'date')) } : {}),
        ...(justification ? { rationale: justification } : {}),
      };
    } else if (justification) fields.description = justification;
    if (str(get(m, 'ticket'))) lost.push(`ticket ${str(get(m, 'ticket'))} not kept`);
    const parts = id.split('@').slice(1);
    if (parts.includes('*')) doc.notes.push({ pos: at(r.node), kind: 'lost', subject: 'relation', message: `${id}: a wildcard part of the risk ID names targets this import cannot list; not kept` });
    const targets = parts.filter((p) => p !== '*').map((p): ModelRef => ({ id: p, sections: ['assets', 'flows', 'zones'], pos: at(r.node) }));
    push({ section: 'threats', id, element: 'risk_tracking', fields, refs: targets.length ? { targets } : {}, lost, pos: at(r.node) });
  }
  return doc;
}
