import { problemRule } from './problem-rule';

export default problemRule({
  code: 'TM008',
  alias: 'schema-violation',
  severity: 'error',
  category: 'structure',
  description: 'A key, section or value does not match the model schema (unknown key, wrong type, missing required key).',
  rationale:
    'The model is evidence for a submission: a misspelt key silently drops the value it carries (for example `sl_T` instead of `sl_t`), so every key and type is checked against the schema that also ships as JSON Schema for editors.',
  source: 'SPDF Workbench model schema (media/schemas/spdf.schema.json)',
  fixable: false,
  since: '0.1.0',
  scope: 'file',
  examples: {
    valid: ['zones:\n  - id: Z-PUMP\n    name: Pump\n    class: device\n'],
    invalid: ['zones:\n  - id: Z-PUMP\n    name: Pump\n    class: device\n    sl_T: 2\n#   ^^^^ TM008\n'],
  },
});
