import { REQIF_ATTR } from '../import/reqif-names';
import { codePointHex, XML_UNREPRESENTABLE } from './text';

export interface ReqifRequirement {
  id: string;
  title?: string;
  text?: string;
  status?: string;
  derivedFrom: string[];
  /** The requirement's other model fields (controls, standards, sl, derived_from naming threats...), written as JSON in `SPDF.Model`. */
  fields?: Record<string, unknown>;
  /** Trace status (OK, PARTIAL, MISSING, ...) from the requirements view. */
  traceStatus?: string;
}

export interface ReqifOptions {
  /** ISO time written as CREATION-TIME and LAST-CHANGE (the caller's clock, so the core stays pure). */
  time: string;
  title?: string;
  toolId?: string;
  /** Inputs not read or not understood: the header's COMMENT says INCOMPLETE and lists them (trace statuses may be wrong). */
  problems?: readonly string[];
}

/** XML text and attribute escape; a character XML cannot hold (see XML_UNREPRESENTABLE) is written as the visible `<U+XXXX>`, so the file stays well-formed. */
const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;')
    .replace(XML_UNREPRESENTABLE, (c) => `&lt;U+${codePointHex(c)}&gt;`);
/** Text as XHTML: each line a run of text, lines joined by `br` (what `xhtmlText` reads back). */
const xhtml = (s: string) => `<xhtml:div>${s.split('\n').map(esc).join('<xhtml:br/>')}</xhtml:div>`;
/** IDENTIFIERs are xsd:ID (an NCName): the model ID behind a prefix per element kind, other characters escaped (`_2f_`), so distinct IDs stay distinct. */
const ident = (id: string, ns = 'o') => `spdf-${ns}-${[...id].map((c) => (/[A-Za-z0-9._-]/.test(c) ? c : `_${c.codePointAt(0)!.toString(16)}_`)).join('')}`;

/** ReqIF has no "Input problems" section: the header's COMMENT lists them after this line. */
const incompleteComment = (n: number) => `INCOMPLETE: ${n} input problem${n === 1 ? '' : 's'} (files not read or not understood), so trace statuses may be wrong:`;

const ATTRS = [
  ['a-foreign-id', REQIF_ATTR.foreignId, 'STRING'],
  ['a-name', REQIF_ATTR.name, 'STRING'],
  ['a-text', REQIF_ATTR.text, 'XHTML'],
  ['a-status', REQIF_ATTR.status, 'STRING'],
  ['a-trace-status', REQIF_ATTR.traceStatus, 'STRING'],
  ['a-model', REQIF_ATTR.model, 'STRING'],
] as const;

/**
 * ReqIF 1.2 of the model's requirements: one SPEC-OBJECT each (the model ID as `ReqIF.ForeignID`, title,
 * text, status and the trace status as attributes), `derived_from` as SPEC-RELATIONs (SOURCE derived from
 * TARGET) and one SPECIFICATION listing the objects in order. `spdf import reqif` reads it back unchanged, but for
 * characters XML cannot hold, which come back as the visible `<U+XXXX>` they are written as.
 */
export function toReqif(reqs: readonly ReqifRequirement[], opts: ReqifOptions): string {
  const t = esc(opts.time);
  const lc = `LAST-CHANGE="${t}"`;
  const known = new Set(reqs.map((r) => r.id));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<REQ-IF xmlns="http://www.omg.org/spec/ReqIF/20110401/reqif.xsd" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    '  <THE-HEADER>',
    '    <REQ-IF-HEADER IDENTIFIER="spdf-header">',
    ...(opts.problems?.length ? [`      <COMMENT>${esc([incompleteComment(opts.problems.length), ...opts.problems].join('\n'))}</COMMENT>`] : []),
    `      <CREATION-TIME>${t}</CREATION-TIME>`,
    `      <REQ-IF-TOOL-ID>${esc(opts.toolId ?? 'SPDF Workbench')}</REQ-IF-TOOL-ID>`,
    '      <REQ-IF-VERSION>1.0</REQ-IF-VERSION>',
    `      <SOURCE-TOOL-ID>${esc(opts.toolId ?? 'SPDF Workbench')}</SOURCE-TOOL-ID>`,
    `      <TITLE>${esc(opts.title ?? 'Requirements')}</TITLE>`,
    '    </REQ-IF-HEADER>',
    '  </THE-HEADER>',
    '  <CORE-CONTENT>',
    '    <REQ-IF-CONTENT>',
    '      <DATATYPES>',
    `        <DATATYPE-DEFINITION-STRING IDENTIFIER="dt-string" LONG-NAME="String" ${lc} MAX-LENGTH="1000000"/>`,
    `        <DATATYPE-DEFINITION-XHTML IDENTIFIER="dt-xhtml" LONG-NAME="XHTML" ${lc}/>`,
    '      </DATATYPES>',
    '      <SPEC-TYPES>',
    `        <SPEC-OBJECT-TYPE IDENTIFIER="t-requirement" LONG-NAME="Requirement" ${lc}>`,
    '          <SPEC-ATTRIBUTES>',
    ...ATTRS.map(
      ([id, name, type]) =>
        `            <ATTRIBUTE-DEFINITION-${type} IDENTIFIER="${id}" LONG-NAME="${esc(name)}" ${lc}><TYPE><DATATYPE-DEFINITION-${type}-REF>dt-${type.toLowerCase()}</DATATYPE-DEFINITION-${type}-REF></TYPE></ATTRIBUTE-DEFINITION-${type}>`,
    ),
    '          </SPEC-ATTRIBUTES>',
    '        </SPEC-OBJECT-TYPE>',
    `        <SPEC-RELATION-TYPE IDENTIFIER="t-derived-from" LONG-NAME="${esc(REQIF_ATTR.derivedFrom)}" ${lc}/>`,
    `        <SPECIFICATION-TYPE IDENTIFIER="t-specification" LONG-NAME="Specification" ${lc}/>`,
    '      </SPEC-TYPES>',
    '      <SPEC-OBJECTS>',
  ];
  const value = (attr: (typeof ATTRS)[number], v: string | undefined) => {
    if (v === undefined) return [];
    const [id, , type] = attr;
    const def = `<DEFINITION><ATTRIBUTE-DEFINITION-${type}-REF>${id}</ATTRIBUTE-DEFINITION-${type}-REF></DEFINITION>`;
    return type === 'XHTML'
      ? [`            <ATTRIBUTE-VALUE-XHTML>${def}<THE-VALUE>${xhtml(v)}</THE-VALUE></ATTRIBUTE-VALUE-XHTML>`]
      : [`            <ATTRIBUTE-VALUE-STRING THE-VALUE="${esc(v)}">${def}</ATTRIBUTE-VALUE-STRING>`];
  };
  for (const r of reqs)
    out.push(
      `        <SPEC-OBJECT IDENTIFIER="${ident(r.id)}" ${lc}>`,
      '          <TYPE><SPEC-OBJECT-TYPE-REF>t-requirement</SPEC-OBJECT-TYPE-REF></TYPE>',
      '          <VALUES>',
      ...[r.id, r.title, r.text, r.status, r.traceStatus, r.fields && Object.keys(r.fields).length ? JSON.stringify(r.fields) : undefined].flatMap((v, i) => value(ATTRS[i], v)),
      '          </VALUES>',
      '        </SPEC-OBJECT>',
    );
  out.push('      </SPEC-OBJECTS>', '      <SPEC-RELATIONS>');
  for (const r of reqs)
    for (const parent of r.derivedFrom.filter((p) => known.has(p)))
      out.push(
        `        <SPEC-RELATION IDENTIFIER="${ident(`${r.id}>${parent}`, 'r')}" ${lc}>`,
        '          <TYPE><SPEC-RELATION-TYPE-REF>t-derived-from</SPEC-RELATION-TYPE-REF></TYPE>',
        `          <SOURCE><SPEC-OBJECT-REF>${ident(r.id)}</SPEC-OBJECT-REF></SOURCE>`,
        `          <TARGET><SPEC-OBJECT-REF>${ident(parent)}</SPEC-OBJECT-REF></TARGET>`,
        '        </SPEC-RELATION>',
      );
  out.push(
    '      </SPEC-RELATIONS>',
    '      <SPECIFICATIONS>',
    `        <SPECIFICATION IDENTIFIER="spdf-specification" LONG-NAME="${esc(opts.title ?? 'Requirements')}" ${lc}>`,
    '          <TYPE><SPECIFICATION-TYPE-REF>t-specification</SPECIFICATION-TYPE-REF></TYPE>',
    '          <CHILDREN>',
    ...reqs.map((r) => `            <SPEC-HIERARCHY IDENTIFIER="${ident(r.id, 'h')}" ${lc}><OBJECT><SPEC-OBJECT-REF>${ident(r.id)}</SPEC-OBJECT-REF></OBJECT></SPEC-HIERARCHY>`),
    '          </CHILDREN>',
    '        </SPECIFICATION>',
    '      </SPECIFICATIONS>',
    '    </REQ-IF-CONTENT>',
    '  </CORE-CONTENT>',
    '</REQ-IF>',
  );
  return out.join('\n') + '\n';
}
