import { problemRule } from './problem-rule';

export default problemRule({
  code: 'TM013',
  alias: 'model-file-near-miss',
  severity: 'error',
  category: 'structure',
  description:
    'A file named like a model file but spelt otherwise (`zones.spdf.yml`, `Threats.SPDF.YAML`, `model.spdf.yaml.txt`, `x.spdf .yaml`) is matched by no `include` glob, or one named like the config (`spdf.config.yml`, `.spdf.config.yaml`) is not the `spdf.config.yaml` read: its items or settings are not part of the check.',
  rationale:
    'Requirements, threats or hazards written into `controls.spdf.yml` were silently left out: the default `include` is `**/*.spdf.yaml`, nothing read the file, and `spdf check` passed without them (a requirement nobody sees cannot be uncovered). Settings written into `spdf.config.yml` silently did not apply. A file with the model suffix in another spelling (letter case, `.yml`, white space, a suffix after it) is reported at 1:1 unless `include` matches it or `exclude` leaves it out on purpose; so is a file at the workspace root named like the config. It is a load problem: `spdf check` fails on it whatever the severity set here. Rename the file, add its pattern to `include`, or list it in `exclude`.',
  source: 'fail-closed gate (No false green): an input that was not read must not look like a pass',
  fixable: false,
  since: '0.2.0',
  scope: 'file',
  examples: {
    valid: [
      { 'model.spdf.yaml': 'hazards: []\n', 'notes.yml': 'a: 1\n' },
      { 'spdf.config.yaml': "include: ['model/*.spdf.yml']\n", 'model/zones.spdf.yml': 'zones: []\n' },
      { 'spdf.config.yaml': "exclude: ['archive/**']\n", 'model.spdf.yaml': 'hazards: []\n', 'archive/old.spdf.yml': 'hazards: []\n' },
    ],
    invalid: [
      { 'model.spdf.yaml': 'hazards: []\n', 'model/controls.spdf.yml': 'controls: []\n#<^ TM013\n' },
      { 'model.spdf.yaml': 'hazards: []\n', 'Threats.SPDF.YAML': 'threats: []\n#<^ TM013\n' },
      { 'model.spdf.yaml': 'hazards: []\n', 'model.spdf.yaml.txt': 'hazards: []\n#<^ TM013\n' },
      { 'model.spdf.yaml': 'hazards: []\n', 'spdf.config.yml': 'rules: {RQ003: off}\n#<^ TM013\n' },
    ],
  },
});
