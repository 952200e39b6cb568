// @spdf implements SPDF-SBOM-READ
import { arr, isObj, str, TextLocator } from './json-text';
import { emptyDocument, VEX_STATUSES, type SbomDocument, type VexStatus } from './types';

const asStatus = (s: string | undefined): VexStatus | undefined => ((VEX_STATUSES as readonly string[]).includes(s ?? '') ? (s as VexStatus) : undefined);

/** Reads an OpenVEX document (0.0.1 and 0.2.0 shapes): one statement per vulnerability and status. */
export function readOpenVex(data: Record<string, unknown>, locator: TextLocator): SbomDocument {
  const doc = emptyDocument('openvex', str(data['@context'])?.replace(/^.*\/v?/, '') ?? '');
  doc.authors = [str(data.author)].filter((x): x is string => !!x);
  doc.timestamp = str(data.timestamp);
  if (!Array.isArray(data.statements)) doc.problems.push({ message: 'OpenVEX document: `statements` must be a list; nothing was read', ...(locator.key('statements') ?? { start: 0, end: 0 }) });
  for (const s of arr(data.statements)) {
    if (!isObj(s)) continue;
    const v = s.vulnerability;
    const vuln = isObj(v) ? (str(v.name) ?? str(v['@id'])) : str(v);
    const span = locator.next(vuln) ?? { start: 0, end: 0 };
    const products: string[] = [];
    for (const p of arr(s.products)) {
      if (!isObj(p)) {
        if (str(p)) products.push(str(p)!);
        continue;
      }
      const subs = arr(p.subcomponents).filter(isObj);
      const ids = (o: Record<string, unknown>) => [str(o['@id']), ...(isObj(o.identifiers) ? Object.values(o.identifiers).map((x) => str(x)) : [])].filter((x): x is string => !!x);
      if (subs.length) for (const sc of subs) products.push(...ids(sc));
      else products.push(...ids(p));
    }
    const raw = str(s.status);
    if (!vuln) {
      doc.problems.push({ message: 'OpenVEX statement names no vulnerability', ...span });
      continue;
    }
    doc.statements.push({
      vuln,
      products,
      ...(asStatus(raw) ? { status: asStatus(raw) } : raw ? { rawStatus: raw } : {}),
      ...(str(s.justification) ? { justification: str(s.justification) } : {}),
      ...span,
    });
  }
  return doc;
}

const CSAF_STATUS: Record<string, VexStatus> = {
  known_affected: 'affected',
  first_affected: 'affected',
  last_affected: 'affected',
  known_not_affected: 'not_affected',
  fixed: 'fixed',
  first_fixed: 'fixed',
  under_investigation: 'under_investigation',
};

/** Reads a CSAF 2.0 VEX document: product IDs resolve through the product tree to purls and CPEs. */
export function readCsafVex(data: Record<string, unknown>, locator: TextLocator): SbomDocument {
  const d = isObj(data.document) ? data.document : {};
  const doc = emptyDocument('csaf-vex', str(d.csaf_version) ?? '');
  const span = locator.key('document') ?? { start: 0, end: 0 };
  doc.metaStart = span.start;
  doc.metaEnd = span.end;
  if (str(d.category) !== 'csaf_vex')
    doc.problems.push({ message: `CSAF document of category '${str(d.category) ?? '(none)'}' is not a VEX (csaf_vex); its statuses were not read`, ...(locator.key('category') ?? span) });
  if (str(d.csaf_version) !== '2.0') doc.problems.push({ message: `CSAF ${str(d.csaf_version) ?? '(no csaf_version)'} is not supported (supported: 2.0)`, ...(locator.key('csaf_version') ?? span) });
  if (doc.problems.length) return doc;
  if (isObj(d.publisher) && str(d.publisher.name)) doc.authors.push(str(d.publisher.name)!);
  doc.timestamp = isObj(d.tracking) ? str(d.tracking.current_release_date) : undefined;
  const ids = new Map<string, string[]>();
  const note = (p: unknown) => {
    if (!isObj(p) || !str(p.product_id)) return;
    const h = isObj(p.product_identification_helper) ? p.product_identification_helper : {};
    ids.set(
      str(p.product_id)!,
      [str(h.purl), str(h.cpe), str(p.product_id)].filter((x): x is string => !!x),
    );
  };
  const tree = isObj(data.product_tree) ? data.product_tree : {};
  const walk = (branches: unknown) => {
    for (const b of arr(branches)) {
      if (!isObj(b)) continue;
      note(b.product);
      walk(b.branches);
    }
  };
  walk(tree.branches);
  for (const p of arr(tree.full_product_names)) note(p);
  for (const r of arr(tree.relationships)) if (isObj(r)) note(r.full_product_name);
  for (const v of arr(data.vulnerabilities)) {
    if (!isObj(v)) continue;
    const vuln = str(v.cve) ?? str(arr(v.ids).filter(isObj)[0]?.text);
    const vspan = locator.next(vuln) ?? span;
    if (!vuln) {
      doc.problems.push({ message: 'CSAF vulnerability names no CVE or ID', ...vspan });
      continue;
    }
    const status = isObj(v.product_status) ? v.product_status : {};
    for (const [k, list] of Object.entries(status)) {
      const st = CSAF_STATUS[k];
      if (!st) continue;
      const products = arr(list).flatMap((pid) => (str(pid) ? (ids.get(str(pid)!) ?? [str(pid)!]) : []));
      const flag = arr(v.flags)
        .filter(isObj)
        .find((f) => arr(f.product_ids).some((x) => arr(list).includes(x)));
      doc.statements.push({ vuln, products, status: st, ...(flag && str(flag.label) ? { justification: str(flag.label) } : {}), ...vspan });
    }
  }
  return doc;
}
