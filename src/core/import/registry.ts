// @spdf implements SPDF-CMD-IMPORT
import { parseCsv } from './csv';
import { parseOftSpec } from './oft-spec';
import { parseReqif } from './reqif';
import { parseStrictDoc } from './strictdoc';
import { parseTrlc } from './trlc';
import { itemsFromTable } from './table';
import type { Importer } from './types';

/** Every `spdf import FORMAT`, by name; a new format is one module and one entry here. */
export const IMPORTERS: Record<string, Importer> = {
  csv: {
    name: 'csv',
    summary: 'CSV exported by an ALM tool (header row detected; columns ID, Title, Text, Status, Parent or --columns)',
    extensions: ['.csv'],
    tagSyntax: 'spdf',
    parse: (file, text, options) => parseCsv(file, text, options),
  },
  'oft-spec': {
    name: 'oft-spec',
    summary: 'OpenFastTrace Markdown specification items (type~name~revision, title, description, Covers, Needs)',
    extensions: ['.md', '.markdown'],
    tagSyntax: 'oft',
    codeSettings: (options) => (options.oftIds === 'full' ? ['oft_ids: full'] : []),
    parse: (file, text, options) => parseOftSpec(file, text, options),
  },
  reqif: {
    name: 'reqif',
    summary: 'ReqIF 1.2 spec objects (ReqIF.ForeignID or IDENTIFIER, ReqIF.Name, ReqIF.Text, Status, SPEC-RELATIONs)',
    extensions: ['.reqif'],
    tagSyntax: 'spdf',
    parse: (file, text) => parseReqif(file, text),
  },
  strictdoc: {
    name: 'strictdoc',
    summary: 'StrictDoc .sdoc documents ([REQUIREMENT] UID, TITLE, STATEMENT, STATUS, RELATIONS)',
    extensions: ['.sdoc'],
    tagSyntax: 'strictdoc',
    parse: (file, text) => parseStrictDoc(file, text),
  },
  trlc: {
    name: 'trlc',
    summary: "LOBSTER's TRLC records (package.Name, description, derived_from)",
    extensions: ['.trlc'],
    tagSyntax: 'lobster',
    parse: (file, text) => parseTrlc(file, text),
  },
  xlsx: {
    name: 'xlsx',
    summary: 'Excel workbook exported by an ALM tool (one sheet, as csv; formulas are imported as their text, never evaluated)',
    extensions: ['.xlsx'],
    tagSyntax: 'spdf',
    table: 'xlsx',
    parseTable: (file, rows, options) => itemsFromTable(file, rows, options, 'XLSX'),
  },
};
