// @spdf implements SPDF-SBOM-READ
import { arr, isObj, pointerOffset, str, TextLocator } from './json-text';
import { emptyDocument, type SbomComponent, type SbomDocument, type SbomFormat, type SbomSchemaValidator, type VexStatus } from './types';

export const CYCLONEDX_VERSIONS = ['1.4', '1.5', '1.6'];

/**
 * Support level and end of support (FDA premarket guidance V.A.4.b) in CycloneDX component properties:
 * `spdf:support-level` and `spdf:end-of-support`, or the official `cdx:lifecycle:milestone:endOfSupport`.
 */
export const CDX_SUPPORT_LEVEL = 'spdf:support-level';
export const CDX_END_OF_SUPPORT = ['spdf:end-of-support', 'cdx:lifecycle:milestone:endOfSupport'];

/** CycloneDX analysis states as VEX statuses. */
const CDX_STATE: Record<string, VexStatus> = {
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
  false_positive: 'not_affected',
  not_affected: 'not_affected',
};

const nameOf = (v: unknown): string | undefined => (isObj(v) ? str(v.name) : str(v));

/**
 * Reads a CycloneDX BOM in its JSON shape (the XML reader converts to the same shape first). `locator` finds
 * each component's identifying text; `validate` is the host's schema check (JSON only).
 */
export function readCycloneDx(bom: Record<string, unknown>, format: SbomFormat, locator: TextLocator, validate?: SbomSchemaValidator, bomData: unknown = bom): SbomDocument {
  const specVersion = str(bom.specVersion) ?? '';
  const doc = emptyDocument(format, specVersion);
  const text = locator.text;
  const meta = locator.key(format === 'cyclonedx-json' ? 'metadata' : '<metadata') ?? { start: 0, end: 0 };
  doc.metaStart = meta.start;
  doc.metaEnd = meta.end;
  if (!CYCLONEDX_VERSIONS.includes(specVersion)) {
    doc.problems.push({
      message: `CycloneDX ${specVersion || '(no specVersion)'} is not supported (supported: ${CYCLONEDX_VERSIONS.join(', ')}); its components were not read`,
      start: 0,
      end: Math.min(1, text.length),
    });
    return doc;
  }
  if (validate) {
    const issues = validate(format, specVersion, bomData);
    if (issues === undefined) doc.problems.push({ message: `no schema for CycloneDX ${specVersion} is available; the document was not validated`, start: 0, end: 0 });
    else for (const i of issues.slice(0, 20)) doc.problems.push({ message: `CycloneDX ${specVersion} schema: ${i.pointer || '/'} ${i.message}`, ...pointerOffset(text, i.pointer) });
  }
  const metadata = isObj(bom.metadata) ? bom.metadata : {};
  doc.timestamp = str(metadata.timestamp);
  for (const a of arr(metadata.authors)) if (nameOf(a) ?? (isObj(a) ? str(a.email) : undefined)) doc.authors.push(nameOf(a) ?? String((a as Record<string, unknown>).email));
  for (const k of ['manufacture', 'manufacturer', 'supplier']) if (nameOf(metadata[k])) doc.authors.push(nameOf(metadata[k])!);
  const tools = metadata.tools;
  for (const t of [...arr(isObj(tools) ? tools.components : tools), ...arr(isObj(tools) ? tools.services : undefined)]) if (nameOf(t)) doc.authors.push(`tool: ${nameOf(t)}`);

  const related = new Set<string>();
  const dependsOf = new Map<string, string[]>();
  for (const d of arr(bom.dependencies)) {
    if (!isObj(d) || !str(d.ref)) continue;
    const ref = str(d.ref)!;
    related.add(ref);
    const on = arr(d.dependsOn)
      .map((x) => str(x))
      .filter((x): x is string => !!x);
    for (const x of on) related.add(x);
    dependsOf.set(ref, on);
  }
  const walk = (list: unknown, nested: boolean) => {
    for (const c of arr(list)) {
      if (!isObj(c)) continue;
      const comp = component(c, locator, nested, related, dependsOf);
      doc.components.push(comp);
      if (c.components !== undefined) {
        comp.hasRelationship = true;
        walk(c.components, true);
      }
    }
  };
  walk(bom.components, false);
  readVulnerabilities(bom, doc, locator);
  return doc;
}

function component(c: Record<string, unknown>, locator: TextLocator, nested: boolean, related: Set<string>, dependsOf: Map<string, string[]>): SbomComponent {
  const ref = str(c['bom-ref']);
  const purl = str(c.purl);
  const name = str(c.name);
  const version = str(c.version);
  // Without bom-ref and purl the ID is name@version, white space written %20 (IDs hold none, as in a purl).
  const id = ref ?? purl ?? (name ? `${name}${version ? `@${version}` : ''}` : 'unnamed-component').replace(/\s/g, '%20');
  const span = locator.next(ref) ?? locator.next(purl) ?? locator.next(name) ?? { start: 0, end: 0 };
  const props = new Map<string, string>();
  for (const p of arr(c.properties)) if (isObj(p) && str(p.name) && str(p.value)) props.set(str(p.name)!, str(p.value)!);
  const licenses: string[] = [];
  for (const l of arr(c.licenses)) {
    if (!isObj(l)) continue;
    if (str(l.expression)) licenses.push(str(l.expression)!);
    const lic = isObj(l.license) ? l.license : undefined;
    if (lic && (str(lic.id) ?? str(lic.name))) licenses.push((str(lic.id) ?? str(lic.name))!);
  }
  const swid = isObj(c.swid) ? str(c.swid.tagId) : undefined;
  const authors = [str(c.author), ...arr(c.authors).map(nameOf)].filter((x): x is string => !!x);
  return {
    id,
    name,
    version,
    supplier: nameOf(c.supplier) ?? nameOf(c.manufacturer) ?? str(c.publisher),
    authors,
    purl,
    cpe: str(c.cpe),
    otherIds: swid ? [swid] : [],
    licenses,
    supportLevel: props.get(CDX_SUPPORT_LEVEL),
    endOfSupport: CDX_END_OF_SUPPORT.map((k) => props.get(k)).find((v) => v !== undefined),
    dependsOn: (ref && dependsOf.get(ref)) || [],
    hasRelationship: nested || (!!ref && related.has(ref)),
    ...span,
  };
}

function readVulnerabilities(bom: Record<string, unknown>, doc: SbomDocument, locator: TextLocator): void {
  for (const v of arr(bom.vulnerabilities)) {
    if (!isObj(v)) continue;
    const id = str(v.id) ?? str(v['bom-ref']) ?? '(unnamed vulnerability)';
    const span = locator.next(str(v.id)) ?? locator.next(str(v['bom-ref'])) ?? { start: 0, end: 0 };
    const analysis = isObj(v.analysis) ? v.analysis : undefined;
    const state = analysis ? str(analysis.state) : undefined;
    const products = arr(v.affects)
      .map((a) => (isObj(a) ? str(a.ref) : undefined))
      .filter((x): x is string => !!x);
    doc.statements.push({
      vuln: id,
      products,
      ...(state ? (CDX_STATE[state] ? { status: CDX_STATE[state] } : { rawStatus: state }) : {}),
      ...(analysis && str(analysis.justification) ? { justification: str(analysis.justification) } : {}),
      ...span,
    });
  }
}
