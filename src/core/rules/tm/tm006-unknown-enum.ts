import { problemRule } from './problem-rule';

export default problemRule({
  code: 'TM006',
  alias: 'unknown-enum-value',
  severity: 'error',
  category: 'structure',
  description: 'A value is not in its vocabulary (zone class, protocol, STRIDE letter, status, ...).',
  rationale:
    'Domain rules reason over closed vocabularies: an unknown protocol cannot be judged for authentication or encryption, an unknown zone class cannot be placed relative to the DMZ. The message names the nearest known value.',
  source: 'Threagile model parser ("unknown protocol value"); SPDF Workbench vocabularies (protocols, IEC 62443 zone roles, STRIDE)',
  fixable: false,
  since: '0.1.0',
  examples: {
    valid: ['zones:\n  - id: Z-PUMP\n    name: Pump\n    class: device\n'],
    invalid: ['zones:\n  - id: Z-PUMP\n    name: Pump\n    class: devise\n#          ^^^^^^ TM006\n'],
  },
});
