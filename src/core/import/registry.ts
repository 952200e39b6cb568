// @spdf implements SPDF-CMD-IMPORT
import { parseOftSpec } from './oft-spec';
import { parseStrictDoc } from './strictdoc';
import { parseTrlc } from './trlc';
import type { Importer } from './types';

/** Every `spdf import FORMAT`, by name; a new format is one module and one entry here. */
export const IMPORTERS: Record<string, Importer> = {
  'oft-spec': {
    name: 'oft-spec',
    summary: 'OpenFastTrace Markdown specification items (type~name~revision, title, description, Covers, Needs)',
    extensions: ['.md', '.markdown'],
    tagSyntax: 'oft',
    parse: (file, text, options) => parseOftSpec(file, text, options),
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
};
