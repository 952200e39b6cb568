import { problemRule } from './problem-rule';

export default problemRule({
  code: 'TM000',
  alias: 'yaml-syntax',
  severity: 'error',
  category: 'structure',
  description: 'The file is not well-formed YAML, or uses YAML the model does not accept.',
  rationale:
    'A file that does not parse cannot contribute evidence; the rest of the workspace is still checked. Duplicate keys, tabs in indentation, non-mapping documents, excessive nesting and alias bombs are rejected here so that hostile or careless input cannot hide or multiply evidence.',
  source: 'YAML 1.2.2 specification; heuristic limits (aliases, depth) against billion-laughs style input',
  fixable: false,
  since: '0.1.0',
  scope: 'file',
  examples: {
    valid: ['requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n'],
    invalid: ['requirements:\n  - id: SEC-REQ-001\n    title: Signed commands\n    title: Again\n#   ^ TM000\n'],
  },
});
