import { problemRule } from './problem-rule';

export default problemRule({
  code: 'TM014',
  alias: 'nested-config',
  severity: 'error',
  category: 'structure',
  description:
    "A `spdf.config.yaml` below the workspace root (a sub-project's config) in a folder holding files the run reads: only the root's config applies to them, so its settings are not part of the check.",
  rationale:
    "In a monorepo a sub-project's `sub/spdf.config.yaml` raised `check.min_coverage`, set rules to error or named a review lock or JUnit results; `spdf check` run from the root read the sub-project's model and code with the root's config only, said nothing, and passed where the sub-project's own gate failed. Unlike tools that apply the closest config to each file, SPDF Workbench checks one workspace with one config (IDs, coverage and the gate are workspace-wide), so a nested config the run does not apply is reported at its 1:1 whenever the run reads a file under its folder (a model file, a test result, or a file the code index may read). It is a load problem: `spdf check` fails on it whatever the severity set here, and `--fix` applies nothing. Run spdf in the sub-project for its own gate; to check its files from the root, move its settings into the root's config; or `exclude` its folder (`sub/**`: the sub-project is checked on its own) or just the file (`sub/spdf.config.yaml`: its settings knowingly do not apply to the root's run).",
  source: 'fail-closed gate (No false green): a setting the user wrote that the gate ignores must not look like a pass',
  fixable: false,
  since: '0.2.0',
  scope: 'file',
  examples: {
    valid: [
      { 'model.spdf.yaml': 'hazards: []\n', 'spdf.config.yaml': "exclude: ['pump/**']\n", 'pump/spdf.config.yaml': 'check: {min_coverage: 100}\n', 'pump/model.spdf.yaml': 'hazards: []\n' },
      {
        'model.spdf.yaml': 'hazards: []\n',
        'spdf.config.yaml': "exclude: ['pump/spdf.config.yaml']\n",
        'pump/spdf.config.yaml': 'check: {min_coverage: 100}\n',
        'pump/model.spdf.yaml': 'hazards: []\n',
      },
    ],
    invalid: [{ 'model.spdf.yaml': 'hazards: []\n', 'pump/spdf.config.yaml': 'check: {min_coverage: 100}\n#<^ TM014\n', 'pump/model.spdf.yaml': 'hazards: []\n' }],
  },
});
