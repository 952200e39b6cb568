// @spdf implements SPDF-SBOM-READ
import { arr, isObj, str, TextLocator } from './json-text';
import { emptyDocument, type SbomComponent, type SbomDocument, type VexStatus } from './types';

export const SPDX2_VERSIONS = ['SPDX-2.2', 'SPDX-2.3'];

/** Support level and end of support in SPDX 2: annotations whose comment is `spdf:support-level=...` or `spdf:end-of-support=...` (and 2.3's `validUntilDate`). */
const ANNOTATION = /^\s*spdf:(support-level|end-of-support)\s*=\s*(\S.*?)\s*$/;

const noAssertion = (v: unknown): string | undefined => {
  const s = str(v);
  return s && !/^NOASSERTION|NONE$/i.test(s) ? s : undefined;
};
const withoutKind = (s: string | undefined) => s?.replace(/^(Organization|Person|Tool):\s*/i, '');

/** Reads an SPDX 2.2/2.3 JSON document: packages are the components; relationships give dependencies. */
export function readSpdx2(data: Record<string, unknown>, locator: TextLocator): SbomDocument {
  const version = str(data.spdxVersion) ?? '';
  const doc = emptyDocument('spdx-2-json', version);
  const info = locator.key('creationInfo');
  doc.metaStart = info?.start ?? 0;
  doc.metaEnd = info?.end ?? 0;
  if (!SPDX2_VERSIONS.includes(version)) {
    doc.problems.push({
      message: `${version || 'an SPDX document without spdxVersion'} is not supported (supported: ${SPDX2_VERSIONS.join(', ')} JSON); its packages were not read`,
      ...(locator.key('spdxVersion') ?? { start: 0, end: 0 }),
    });
    return doc;
  }
  if (!Array.isArray(data.packages)) doc.problems.push({ message: 'SPDX document: `packages` must be a list', ...(locator.key('packages') ?? { start: 0, end: 0 }) });
  const creation = isObj(data.creationInfo) ? data.creationInfo : {};
  doc.timestamp = str(creation.created);
  for (const c of arr(creation.creators)) if (str(c)) doc.authors.push(str(c)!);
  const docId = str(data.SPDXID) ?? 'SPDXRef-DOCUMENT';
  const related = new Set<string>();
  const dependsOf = new Map<string, string[]>();
  const add = (from: string, to: string) => {
    const l = dependsOf.get(from) ?? [];
    l.push(to);
    dependsOf.set(from, l);
  };
  for (const r of arr(data.relationships)) {
    if (!isObj(r)) continue;
    const a = str(r.spdxElementId);
    const b = str(r.relatedSpdxElement);
    const t = str(r.relationshipType) ?? '';
    if (!a || !b || a === docId || t === 'DESCRIBES' || t === 'DESCRIBED_BY') continue;
    related.add(a);
    related.add(b);
    if (/^(DEPENDS_ON|CONTAINS|STATIC_LINK|DYNAMIC_LINK)$/.test(t)) add(a, b);
    else if (/^(DEPENDENCY_OF|CONTAINED_BY)$/.test(t)) add(b, a);
  }
  for (const p of arr(data.packages)) {
    if (!isObj(p)) continue;
    const id = str(p.SPDXID) ?? str(p.name) ?? '(unnamed package)';
    const span = locator.next(str(p.SPDXID)) ?? locator.next(str(p.name)) ?? { start: 0, end: 0 };
    const refs = arr(p.externalRefs).filter(isObj);
    const refOf = (type: RegExp) => refs.find((r) => type.test(str(r.referenceType) ?? ''))?.referenceLocator;
    const notes = new Map<string, string>();
    for (const a of arr(p.annotations)) {
      const m = isObj(a) ? ANNOTATION.exec(str(a.comment) ?? '') : null;
      if (m) notes.set(m[1], m[2]);
    }
    const comp: SbomComponent = {
      id,
      name: str(p.name),
      version: noAssertion(p.versionInfo),
      supplier: withoutKind(noAssertion(p.supplier)) ?? withoutKind(noAssertion(p.originator)),
      authors: [],
      purl: str(refOf(/^purl$/)),
      cpe: str(refOf(/^cpe2[23]Type$/)),
      otherIds: [str(refOf(/^swid$/))].filter((x): x is string => !!x),
      licenses: [noAssertion(p.licenseConcluded), noAssertion(p.licenseDeclared)].filter((x, i, all): x is string => !!x && all.indexOf(x) === i),
      supportLevel: notes.get('support-level'),
      endOfSupport: notes.get('end-of-support') ?? str(p.validUntilDate),
      dependsOn: dependsOf.get(id) ?? [],
      hasRelationship: related.has(id),
      ...span,
    };
    doc.components.push(comp);
    for (const r of refs) {
      if (str(r.referenceCategory)?.replace('_', '-') !== 'SECURITY' || str(r.referenceType) !== 'advisory') continue;
      const loc = str(r.referenceLocator) ?? '';
      const cve = /CVE-\d{4}-\d{4,}/i.exec(loc)?.[0];
      if (cve) doc.statements.push({ vuln: cve.toUpperCase(), products: [id], ...(locator.next(loc) ?? span) });
    }
  }
  return doc;
}

/** SPDX 3 VEX assessment relationships and the status each states. */
const SPDX3_VEX: Record<string, VexStatus> = {
  security_VexAffectedVulnAssessmentRelationship: 'affected',
  security_VexNotAffectedVulnAssessmentRelationship: 'not_affected',
  security_VexFixedVulnAssessmentRelationship: 'fixed',
  security_VexUnderInvestigationVulnAssessmentRelationship: 'under_investigation',
};

const typeOf = (e: Record<string, unknown>) => (str(e.type) ?? str(e['@type']) ?? '').replace(/^.*[/#]/, '');
const idOf = (e: Record<string, unknown>) => str(e.spdxId) ?? str(e['@id']) ?? str(e.spdxid);

/** Reads an SPDX 3.0 JSON-LD document: `software_Package` elements, relationships, vulnerabilities and VEX assessments of the `@graph`. */
export function readSpdx3(data: Record<string, unknown>, locator: TextLocator): SbomDocument {
  const doc = emptyDocument('spdx-3-jsonld', '3.0');
  const graph = arr(data['@graph']).filter(isObj);
  if (!Array.isArray(data['@graph'])) {
    doc.problems.push({ message: 'SPDX 3 JSON-LD: `@graph` must be a list of elements; nothing was read', ...(locator.key('@context') ?? { start: 0, end: 0 }) });
    return doc;
  }
  const byId = new Map<string, Record<string, unknown>>();
  for (const e of graph) if (idOf(e)) byId.set(idOf(e)!, e);
  const info = graph.find((e) => typeOf(e) === 'CreationInfo');
  const infoSpan = info ? locator.key('CreationInfo') : undefined;
  doc.metaStart = infoSpan?.start ?? 0;
  doc.metaEnd = infoSpan?.end ?? 0;
  if (info) {
    doc.timestamp = str(info.created);
    for (const c of [...arr(info.createdBy), ...arr(info.createdUsing)]) {
      const agent = str(c) ? byId.get(str(c)!) : undefined;
      doc.authors.push((agent && str(agent.name)) ?? str(c) ?? '');
    }
    doc.authors = doc.authors.filter(Boolean);
  }
  const related = new Set<string>();
  const dependsOf = new Map<string, string[]>();
  const vulnOf = new Map<string, string>();
  for (const e of graph) {
    if (typeOf(e) !== 'security_Vulnerability' || !idOf(e)) continue;
    const ext = arr(e.externalIdentifier).filter(isObj);
    vulnOf.set(idOf(e)!, str(ext.find((x) => str(x.externalIdentifierType) === 'cve')?.identifier) ?? str(ext[0]?.identifier) ?? str(e.name) ?? idOf(e)!);
  }
  for (const e of graph) {
    const t = typeOf(e);
    if (!/Relationship$/.test(t)) continue;
    const from = str(e.from);
    const to = arr(e.to)
      .map((x) => str(x))
      .filter((x): x is string => !!x);
    const rel = str(e.relationshipType) ?? '';
    if (!from) continue;
    const span = locator.next(idOf(e)) ?? { start: 0, end: 0 };
    if (SPDX3_VEX[t]) {
      doc.statements.push({
        vuln: vulnOf.get(from) ?? from,
        products: to,
        status: SPDX3_VEX[t],
        ...(str(e.security_justificationType) ? { justification: str(e.security_justificationType) } : {}),
        ...span,
      });
      continue;
    }
    if (rel === 'hasAssociatedVulnerability') {
      for (const v of to) doc.statements.push({ vuln: vulnOf.get(v) ?? v, products: [from], ...span });
      continue;
    }
    if (rel === 'describes') continue;
    related.add(from);
    for (const x of to) related.add(x);
    if (rel === 'dependsOn' || rel === 'contains' || rel === 'hasStaticLink' || rel === 'hasDynamicLink') dependsOf.set(from, [...(dependsOf.get(from) ?? []), ...to]);
  }
  for (const e of graph) {
    if (typeOf(e) !== 'software_Package') continue;
    const id = idOf(e) ?? str(e.name) ?? '(unnamed package)';
    const ext = arr(e.externalIdentifier).filter(isObj);
    const extOf = (t: string) => str(ext.find((x) => str(x.externalIdentifierType) === t)?.identifier);
    const supplier = str(e.suppliedBy) ? byId.get(str(e.suppliedBy)!) : undefined;
    const licenses: string[] = [];
    for (const r of graph)
      if (str(r.from) === id && /^has(Concluded|Declared)License$/.test(str(r.relationshipType) ?? ''))
        for (const l of arr(r.to)) {
          const lic = str(l) ? byId.get(str(l)!) : undefined;
          const name = (lic && (str(lic.simplelicensing_licenseExpression) ?? str(lic.name))) ?? str(l);
          if (name && !licenses.includes(name)) licenses.push(name);
        }
    const support = arr(e.supportLevel)
      .map((s) => str(s))
      .filter((s): s is string => !!s && s !== 'noAssertion');
    doc.components.push({
      id,
      name: str(e.name),
      version: str(e.software_packageVersion),
      supplier: (supplier && str(supplier.name)) ?? (str(e.suppliedBy) && !byId.has(str(e.suppliedBy)!) ? str(e.suppliedBy) : undefined),
      authors: [],
      purl: str(e.software_packageUrl) ?? extOf('packageUrl'),
      cpe: extOf('cpe23') ?? extOf('cpe22'),
      otherIds: [extOf('swid')].filter((x): x is string => !!x),
      licenses,
      supportLevel: support.length ? support.join(', ') : undefined,
      endOfSupport: str(e.validUntilTime),
      dependsOn: dependsOf.get(id) ?? [],
      hasRelationship: related.has(id),
      ...(locator.next(idOf(e)) ?? { start: 0, end: 0 }),
    });
  }
  return doc;
}
