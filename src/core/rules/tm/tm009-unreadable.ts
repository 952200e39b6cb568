import { problemRule } from './problem-rule';

export default problemRule({
  code: 'TM009',
  alias: 'file-unreadable',
  severity: 'error',
  category: 'structure',
  description: 'A model file could not be read: permission denied, over the size limit, or not valid UTF-8.',
  rationale: 'Evidence that cannot be read is missing evidence; the file is named so it can be fixed, and every other file is still checked.',
  source: 'heuristic (robustness)',
  fixable: false,
  since: '0.1.0',
  scope: 'file',
  examples: {
    valid: ['hazards:\n  - id: HAZ-001\n    hazard: Over-infusion\n    severity: 5\n    rmf_ref: RMF-1\n'],
    invalid: [{ 'spdf.config.yaml': 'limits:\n  max_file_bytes: 10\n', 'model.spdf.yaml': 'hazards: []\n#<^ TM009\n' }],
  },
});
