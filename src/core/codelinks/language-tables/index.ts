import type { CodeLanguage } from '../languages';
import { C_TABLE, CPP_TABLE } from './c-family';
import { CSHARP_TABLE } from './csharp';
import { JAVASCRIPT_TABLE, TSX_TABLE, TYPESCRIPT_TABLE } from './ecmascript';
import { GO_TABLE } from './go';
import { JAVA_TABLE } from './java';
import { PYTHON_TABLE } from './python';
import { RUST_TABLE } from './rust';
import type { LanguageTable } from './types';

export const LANGUAGE_TABLES: Readonly<Record<CodeLanguage, LanguageTable>> = {
  c: C_TABLE,
  cpp: CPP_TABLE,
  python: PYTHON_TABLE,
  typescript: TYPESCRIPT_TABLE,
  tsx: TSX_TABLE,
  javascript: JAVASCRIPT_TABLE,
  java: JAVA_TABLE,
  rust: RUST_TABLE,
  go: GO_TABLE,
  csharp: CSHARP_TABLE,
};

export type { LanguageTable, SymbolShape, EnclosingScope } from './types';
