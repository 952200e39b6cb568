import type { Range } from '../types';
import { bool, list, obj, oneOf, str, strings, type FieldSpec } from './fields';
import type { CallTagOption, IdNormalizeOption, TagPatternOption } from '../codelinks/tag-syntaxes';
import { ITEM_KINDS } from './kinds';
import { CUSTOM_PROTOCOL } from './config-protocols';
import type { ProtocolInfo } from '../vocab/protocols';

export const PROFILE_NAMES = ['recommended', 'fda-premarket', 'iec62443', 'it-cloud', 'all'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];
export const TAG_SYNTAXES = ['spdf', 'oft', 'strictdoc', 'lobster', 'bare'] as const;
/** The code index's languages (src/core/codelinks/language-descriptors.ts; a test keeps the two equal): the model layer does not import codelinks. */
export const CODE_LANGUAGE_IDS = ['c', 'cpp', 'python', 'typescript', 'tsx', 'javascript', 'java', 'rust', 'go', 'csharp'] as const;

const severitySetting = oneOf(['off', 'info', 'warning', 'error'], 'Severity of the rule, or off.');
const kindMap = (of: FieldSpec, doc: string): FieldSpec => obj(Object.fromEntries(ITEM_KINDS.map((k) => [k, of])), doc);
const positive = (doc: string): FieldSpec => ({ type: 'integer', doc, minimum: 1 });
const RELATION_VALUES = ['implements', 'verifies', 'mitigates', 'hazard'] as const;
const relationSetting = (doc: string): FieldSpec => oneOf(RELATION_VALUES, doc);
const relationMap = (doc: string): FieldSpec => ({ type: 'map', values: relationSetting(''), doc });
const idSeparator = str("Text between IDs in one tag (default ',').");

/** Shape of spdf.config.yaml (the source of media/schemas/spdf.config.schema.json). */
export const CONFIG_FIELDS: Record<string, FieldSpec> = {
  version: { type: 'integer', doc: 'Config format version (1).', minimum: 1, maximum: 1 },
  profile: oneOf(PROFILE_NAMES, 'Rule profile: recommended (default), fda-premarket, iec62443, it-cloud (IT and cloud systems without patient-safety scope), or all.'),
  include: strings('Globs of model files (default **/*.spdf.yaml).'),
  exclude: strings('Globs excluded from model and code scans (node_modules and .git are always excluded).'),
  id_patterns: kindMap(str(''), 'Regular expression per item kind that IDs must match.'),
  rules: { type: 'map', values: severitySetting, doc: 'Severity overrides by rule code or alias: off, info, warning, error.' },
  severity_scale: obj(
    {
      names: strings('Names of the hazard severity levels, lowest first (default negligible, minor, serious, critical, catastrophic).'),
      serious: positive('Lowest level counted as "serious or worse" (default 3).'),
      critical: positive('Lowest level counted as "critical or worse" (default 4).'),
    },
    'Hazard severity scale (ISO 14971 risk management plan).',
  ),
  limits: obj(
    {
      max_file_bytes: positive('Largest model file read, in bytes (default 5 MB).'),
      max_aliases: positive('Most YAML aliases per file (default 1000).'),
      max_depth: positive('Deepest YAML nesting (default 64).'),
      max_sbom_bytes: positive('Largest SBOM or VEX file read, in bytes (default 64 MB).'),
    },
    'Defences against oversize or hostile input.',
  ),
  code: obj(
    {
      include: strings('Globs of source files scanned for tags (default: every file of a known language).'),
      exclude: strings('Globs of source files never scanned.'),
      test_globs: strings('Globs of test files (where `verifies` tags belong).'),
      languages: { type: 'map', values: oneOf([...CODE_LANGUAGE_IDS, 'off'], ''), doc: 'File extension to language, e.g. ".h": cpp, or off to leave the extension unread.' },
      tag_syntaxes: { type: 'list', of: oneOf(TAG_SYNTAXES, ''), doc: 'Tag syntaxes recognised in comments (default spdf).' },
      bare_id_patterns: strings('Regular expressions of IDs recognised bare in comments when the `bare` syntax is on (default: the requirement, control, threat and hazard id_patterns).'),
      oft_relations: {
        type: 'map',
        values: oneOf(['implements', 'verifies', 'mitigates', 'hazard'], ''),
        doc: 'OpenFastTrace artifact type to relation (default impl: implements; utest, itest, stest, test: verifies).',
      },
      oft_ids: oneOf(['name', 'full'], "How an OpenFastTrace tag [impl->dsn~x~2] links: name links `x` (default); full links `dsn~x` and compares the revision 2 with the item's `revision`."),
      tag_patterns: list(
        obj(
          {
            pattern: str('Regular expression (RE2 syntax) with named groups `ids` (default: the whole match) and `relation`: (?P<relation>Covers|Tests): (?P<ids>.+).'),
            relation: relationSetting('Relation of every match (default: verifies in test files, implements elsewhere).'),
            relations: relationMap('What the text of the `relation` group means, e.g. Covers: implements.'),
            id_separator: idSeparator,
          },
          'A comment tag convention of your own.',
          ['pattern'],
        ),
        'Comment tag conventions of your own, each one regular expression.',
      ),
      call_tags: list(
        obj(
          {
            names: strings('Function, macro, decorator, annotation or attribute names: REQUIREMENT, pytest.mark.req, Requirement.'),
            argument: positive('Position of the string argument holding the IDs (default 1).'),
            relation: relationSetting('Relation of every call (default: verifies in test files, implements elsewhere).'),
            relation_argument: positive('Position of a string argument naming the relation, read through `relations` (gtest RecordProperty("Verifies", ...)).'),
            relations: relationMap('What the relation argument means, e.g. Verifies: verifies.'),
            id_separator: idSeparator,
          },
          'A call whose string argument names the IDs the enclosing function links to.',
          ['names'],
        ),
        'Tags written in code: calls, macros, decorators, annotations, attributes.',
      ),
      id_normalize: obj(
        {
          replace: { type: 'map', values: str(''), doc: 'Text replaced in IDs read from code, e.g. "_": "-" so RCM_SW_16 links RCM-SW-16.' },
          case: oneOf(['upper', 'lower'], 'Case IDs read from code are converted to.'),
        },
        'Rewrites of IDs read from code before they are looked up in the model.',
      ),
      max_file_bytes: positive('Largest source file parsed (default 2 MB).'),
    },
    'Code links.',
  ),
  evidence: kindMap(obj({ implementation: bool('Implementing code is required.'), verification: bool('Verification is required.') }, ''), 'Evidence each kind requires for the OK status.'),
  stubs_file: str('File where quick fixes create stubs of dangling items (default: the first model file holding items of that kind, else the referencing file).'),
  lock_file: str('Review lock file (default spdf.lock.json). Named here, even as the default, a missing lock is an input problem instead of "nothing reviewed yet".'),
  baseline: str('Baseline of accepted findings (written by `spdf baseline`, e.g. spdf.baseline.json) that `spdf lint`, `spdf check` and the editor honour; workspace-relative.'),
  test_results: strings('Globs of JUnit XML result files.'),
  protocols: { type: 'map', values: CUSTOM_PROTOCOL, doc: 'Protocols the built-in vocabulary lacks, by name, with their security properties (used by TM006 and the channel rules).' },
  stale_days: positive('Days a model file may lag behind the code it links before TM007 reports it (default 180).'),
  check: obj(
    {
      min_coverage: {
        type: 'number',
        doc: 'Lowest coverage (percent, 0..100) `spdf check` passes; --min-coverage overrides (default 100). A value between 0 and 1 is refused as a fraction written for a percentage: write 95, not 0.95.',
        minimum: 0,
        maximum: 100,
      },
    },
    'The `spdf check` gate.',
  ),
  safety_min_sl_t: { type: 'integer', doc: 'Lowest SL-T a safety-designated zone may have on FR1, FR2, FR3, FR5 and FR7 before ZC030 reports it (default 3, a heuristic).', minimum: 1, maximum: 4 },
};

export const CONFIG_SPEC: FieldSpec = obj(CONFIG_FIELDS, 'SPDF Workbench project configuration.');

export interface ResolvedConfig {
  profile: ProfileName;
  include: string[];
  exclude: string[];
  idPatterns: Record<string, string>;
  /** Kinds whose ID pattern spdf.config.yaml sets, with where (TM003 checks only these). */
  idPatternKeys: { kind: string; file: string; range: Range }[];
  /** Severity overrides as written: keys are rule codes or aliases, any case (the rules engine resolves them). */
  rules: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  /** Where each key under `rules` stands in spdf.config.yaml, so the engine can report one that names no rule. */
  ruleKeys: { key: string; file: string; range: Range }[];
  severityNames: string[];
  seriousLevel: number;
  criticalLevel: number;
  limits: { maxFileBytes: number; maxAliases: number; maxDepth: number };
  /** `limits.max_sbom_bytes`: the largest SBOM or VEX file read (kept apart from `limits`, which keys the model file cache). */
  maxSbomBytes: number;
  code: {
    include: string[];
    exclude: string[];
    testGlobs: string[];
    languages: Record<string, string>;
    tagSyntaxes: string[];
    bareIdPatterns?: string[];
    oftRelations?: Record<string, 'implements' | 'verifies' | 'mitigates' | 'hazard'>;
    oftIds?: 'name' | 'full';
    tagPatterns?: TagPatternOption[];
    callTags?: CallTagOption[];
    idNormalize?: IdNormalizeOption;
    maxFileBytes: number;
  };
  evidence: Record<string, { implementation: boolean; verification: boolean }>;
  stubsFile?: string;
  lockFile: string;
  /** True when spdf.config.yaml writes `lock_file` (even as the default name): then a missing lock is an input problem, not "no review yet". */
  lockFileNamed?: boolean;
  /** `baseline`: the workspace-relative baseline file, when the config names one. */
  baseline?: string;
  testResults: string[];
  staleDays: number;
  /** `check.min_coverage`: the gate's default minimum coverage in percent. */
  checkMinCoverage: number;
  safetyMinSlT: number;
  /** Protocols declared under `protocols`, in addition to the built-in vocabulary. */
  protocols: Record<string, ProtocolInfo>;
  /** False for an untrusted workspace: user-supplied regular expressions are not compiled. */
  trusted: boolean;
}

export const DEFAULT_EVIDENCE: ResolvedConfig['evidence'] = {
  requirement: { implementation: true, verification: true },
  control: { implementation: false, verification: true },
  threat: { implementation: false, verification: false },
  hazard: { implementation: false, verification: false },
};
