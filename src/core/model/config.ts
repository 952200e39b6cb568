// @spdf implements SPDF-FC-CONFIG
import type { CallTagOption, TagPatternOption } from '../codelinks/tag-syntaxes';
import type { Relation } from '../codelinks/model';
import { SourceText, decodeUtf8 } from '../text';
import { parseYaml } from '../yaml/parse';
import { asMap, deref, nodeAt, toData } from '../yaml/ynode';
import { configPatternProblems } from './config-patterns';
import { checkConfigValues } from './config-checks';
import { customProtocols } from './config-protocols';
import { CONFIG_FILE } from './config-file';
import { CONFIG_FIELDS, DEFAULT_EVIDENCE, type ResolvedConfig } from './config-def';
import type { LoadProblem } from './graph';
import { DEFAULT_ID_PATTERNS } from './kinds';
import type { ConfigData } from './model-types';
import { validateFields, type SchemaIssue } from './validate';

export { CONFIG_FILE };

export function defaultConfig(): ResolvedConfig {
  return {
    profile: 'recommended',
    include: ['**/*.spdf.yaml'],
    exclude: [],
    idPatterns: { ...DEFAULT_ID_PATTERNS },
    idPatternKeys: [],
    rules: {},
    ruleKeys: [],
    severityNames: ['negligible', 'minor', 'serious', 'critical', 'catastrophic'],
    seriousLevel: 3,
    criticalLevel: 4,
    limits: { maxFileBytes: 5_000_000, maxAliases: 1000, maxDepth: 64 },
    maxSbomBytes: 64_000_000,
    code: {
      include: [],
      exclude: [],
      testGlobs: ['**/test/**', '**/tests/**', '**/*_test.*', '**/*.test.*', '**/test_*.*', '**/*Test.*', '**/*Tests.*'],
      languages: {},
      tagSyntaxes: ['spdf'],
      maxFileBytes: 2_000_000,
    },
    evidence: structuredClone(DEFAULT_EVIDENCE),
    lockFile: 'spdf.lock.json',
    testResults: [],
    staleDays: 180,
    checkMinCoverage: 100,
    safetyMinSlT: 3,
    protocols: {},
    trusted: true,
  };
}

/** Reads spdf.config.yaml text into a resolved config; problems carry ranges, defaults fill the rest. */
export function resolveConfig(bytes: Uint8Array | undefined, trusted = true): { config: ResolvedConfig; problems: LoadProblem[] } {
  const config = defaultConfig();
  config.trusted = trusted;
  const problems: LoadProblem[] = [];
  if (!bytes) return { config, problems };
  const decoded = decodeUtf8(bytes);
  if ('error' in decoded) {
    const head = new TextDecoder('utf-8').decode(bytes.subarray(0, decoded.offset));
    problems.push({ code: 'TM009', message: decoded.error, file: CONFIG_FILE, range: new SourceText(CONFIG_FILE, head).range(head.length, head.length) });
    return { config, problems };
  }
  const source = new SourceText(CONFIG_FILE, decoded.text);
  const parsed = parseYaml(decoded.text);
  for (const p of parsed.problems) problems.push({ code: 'TM000', message: p.message, file: CONFIG_FILE, range: source.range(p.start, p.end) });
  const root = deref(parsed.roots[0]);
  if (!root) return { config, problems };
  if (root.kind !== 'map') {
    problems.push({ code: 'TM008', message: 'spdf.config.yaml must be a mapping', file: CONFIG_FILE, range: source.range(root.start, root.end) });
    return { config, problems };
  }
  const issues: SchemaIssue[] = [];
  validateFields(root, CONFIG_FIELDS, [], 'spdf.config.yaml', issues);
  issues.push(...checkConfigValues(root));
  for (const i of issues) problems.push({ code: i.code, message: i.message, file: CONFIG_FILE, range: source.range(i.start, i.end) });
  problems.push(...configPatternProblems(root, source));
  let raw: ConfigData;
  try {
    // The boundary where YAML data meets the generated types (model-types.ts says what they promise).
    raw = toData(root, { left: 100_000 }) as ConfigData;
  } catch {
    problems.push({ code: 'TM000', message: 'alias expansion exceeds the limit', file: CONFIG_FILE, range: source.range(0, 0) });
    return { config, problems };
  }
  applyConfig(config, raw);
  config.idPatternKeys = (asMap(nodeAt(root, ['id_patterns']))?.pairs ?? [])
    .filter((p) => String(p.key.value) in DEFAULT_ID_PATTERNS && typeof (raw.id_patterns as Record<string, unknown> | null | undefined)?.[String(p.key.value)] === 'string')
    .map((p) => ({ kind: String(p.key.value), file: CONFIG_FILE, range: source.range(p.key.start, p.key.end) }));
  const custom = customProtocols(root, raw.protocols, source);
  config.protocols = custom.protocols;
  problems.push(...custom.problems);
  config.ruleKeys = (asMap(nodeAt(root, ['rules']))?.pairs ?? []).map((p) => ({ key: String(p.key.value), file: CONFIG_FILE, range: source.range(p.key.start, p.key.end) }));
  return { config, problems };
}

const nonEmpty = (v: string[] | undefined): string[] | undefined => (v?.length ? v : undefined);
const strList = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);
/** Globs without the empty ones, which checkConfigValues reports and matchers reject. */
const globList = (v: unknown): string[] | undefined => strList(v)?.filter((g) => g.trim() !== '');
const posInt = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : undefined);

function applyConfig(c: ResolvedConfig, raw: ConfigData): void {
  if (typeof raw.profile === 'string') c.profile = raw.profile;
  c.include = globList(raw.include) ?? c.include;
  c.exclude = globList(raw.exclude) ?? c.exclude;
  if (raw.id_patterns && typeof raw.id_patterns === 'object') for (const [k, v] of Object.entries(raw.id_patterns)) if (typeof v === 'string' && k in c.idPatterns) c.idPatterns[k] = v;
  if (raw.rules && typeof raw.rules === 'object') for (const [k, v] of Object.entries(raw.rules)) if (v === 'off' || v === 'info' || v === 'warning' || v === 'error') c.rules[k] = v;
  const scale = raw.severity_scale ?? {};
  c.severityNames = strList(scale.names) ?? c.severityNames;
  c.seriousLevel = posInt(scale.serious) ?? c.seriousLevel;
  c.criticalLevel = posInt(scale.critical) ?? c.criticalLevel;
  const limits = raw.limits ?? {};
  c.limits.maxFileBytes = posInt(limits.max_file_bytes) ?? c.limits.maxFileBytes;
  c.limits.maxAliases = posInt(limits.max_aliases) ?? c.limits.maxAliases;
  c.maxSbomBytes = posInt(limits.max_sbom_bytes) ?? c.maxSbomBytes;
  c.limits.maxDepth = posInt(limits.max_depth) ?? c.limits.maxDepth;
  const code = raw.code ?? {};
  c.code.include = globList(code.include) ?? c.code.include;
  c.code.exclude = globList(code.exclude) ?? c.code.exclude;
  // Empty means the default, as the rules and the language server read it.
  c.code.testGlobs = nonEmpty(globList(code.test_globs)) ?? c.code.testGlobs;
  if (code.languages && typeof code.languages === 'object') for (const [k, v] of Object.entries(code.languages)) if (typeof v === 'string') c.code.languages[k] = v;
  c.code.tagSyntaxes = strList(code.tag_syntaxes) ?? c.code.tagSyntaxes;
  c.code.bareIdPatterns = strList(code.bare_id_patterns);
  if (code.oft_relations && typeof code.oft_relations === 'object') {
    const relations = ['implements', 'verifies', 'mitigates', 'hazard'];
    c.code.oftRelations = Object.fromEntries(Object.entries(code.oft_relations).filter(([, v]) => relations.includes(v as string))) as never;
  }
  if (code.oft_ids === 'name' || code.oft_ids === 'full') c.code.oftIds = code.oft_ids;
  const tagPatterns = codeTagPatterns(code.tag_patterns);
  if (tagPatterns) c.code.tagPatterns = tagPatterns;
  const callTags = codeCallTags(code.call_tags);
  if (callTags) c.code.callTags = callTags;
  const normalize = code.id_normalize;
  if (normalize && typeof normalize === 'object') {
    const replace = normalize.replace && typeof normalize.replace === 'object' ? Object.fromEntries(Object.entries(normalize.replace).filter(([k, v]) => k && typeof v === 'string')) : undefined;
    const letterCase = normalize.case === 'upper' || normalize.case === 'lower' ? normalize.case : undefined;
    c.code.idNormalize = { ...(replace ? { replace: replace as Record<string, string> } : {}), ...(letterCase ? { case: letterCase } : {}) };
  }
  c.code.maxFileBytes = posInt(code.max_file_bytes) ?? c.code.maxFileBytes;
  if (raw.evidence && typeof raw.evidence === 'object')
    for (const [k, v] of Object.entries(raw.evidence)) {
      const base = c.evidence[k] ?? { implementation: false, verification: false };
      c.evidence[k] = {
        implementation: typeof v?.implementation === 'boolean' ? v.implementation : base.implementation,
        verification: typeof v?.verification === 'boolean' ? v.verification : base.verification,
      };
    }
  if (typeof raw.stubs_file === 'string') c.stubsFile = raw.stubs_file;
  if (typeof raw.lock_file === 'string') {
    c.lockFile = raw.lock_file;
    c.lockFileNamed = true;
  }
  if (typeof raw.baseline === 'string' && raw.baseline) c.baseline = raw.baseline;
  c.testResults = globList(raw.test_results) ?? c.testResults;
  c.staleDays = posInt(raw.stale_days) ?? c.staleDays;
  const min = raw.check?.min_coverage;
  if (typeof min === 'number' && min >= 0 && min <= 100) c.checkMinCoverage = min;
  const safetyMin = raw.safety_min_sl_t;
  if (typeof safetyMin === 'number' && Number.isInteger(safetyMin) && safetyMin >= 1 && safetyMin <= 4) c.safetyMinSlT = safetyMin;
}

const RELATION_NAMES = ['implements', 'verifies', 'mitigates', 'hazard'];
const relationOf = (v: unknown): Relation | undefined => (typeof v === 'string' && RELATION_NAMES.includes(v) ? (v as Relation) : undefined);
const relationMapOf = (v: unknown): Record<string, Relation> | undefined => (v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, r]) => relationOf(r))) : undefined);
const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>));

/** `code.tag_patterns` entries that have a pattern; a wrong value is a TM008 schema problem at its key. */
function codeTagPatterns(v: unknown): TagPatternOption[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object' && typeof (e as Record<string, unknown>).pattern === 'string')
    .map((e) => ({
      pattern: e.pattern as string,
      ...optional('relation', relationOf(e.relation)),
      ...optional('relations', relationMapOf(e.relations)),
      ...optional('idSeparator', typeof e.id_separator === 'string' && e.id_separator ? e.id_separator : undefined),
    }));
}

function codeCallTags(v: unknown): CallTagOption[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v
    .filter((e): e is Record<string, unknown> => !!e && typeof e === 'object')
    .map((e) => ({
      names: strList(e.names)?.filter((n) => n.trim() !== '') ?? [],
      ...optional('argument', posInt(e.argument)),
      ...optional('relation', relationOf(e.relation)),
      ...optional('relationArgument', posInt(e.relation_argument)),
      ...optional('relations', relationMapOf(e.relations)),
      ...optional('idSeparator', typeof e.id_separator === 'string' && e.id_separator ? e.id_separator : undefined),
    }))
    .filter((e) => e.names.length > 0);
}
