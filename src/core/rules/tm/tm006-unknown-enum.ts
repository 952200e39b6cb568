import { isDeclaredProtocol } from '../../model/config-protocols';
import type { Rule } from '../types';

const rule: Rule = {
  meta: {
    code: 'TM006',
    alias: 'unknown-enum-value',
    severity: 'error',
    category: 'structure',
    description: 'A value is not in its vocabulary (zone class, protocol, STRIDE letter, status, ...).',
    rationale:
      'Domain rules reason over vocabularies: an unknown protocol cannot be judged for authentication or encryption, an unknown zone class cannot be placed relative to the DMZ. The message names the nearest known value, or the usual one for a common synonym (bluetooth: ble). Protocols are an open vocabulary: a protocol the built-in table lacks is declared with its properties under `protocols` in spdf.config.yaml, and is then no longer reported.',
    source: 'Threagile model parser ("unknown protocol value"); SPDF Workbench vocabularies (protocols, IEC 62443 zone roles, STRIDE)',
    fixable: false,
    since: '0.1.0',
    scope: 'file',
    examples: {
      valid: [
        'zones:\n  - id: Z-PUMP\n    name: Pump\n    class: device\n',
        {
          'spdf.config.yaml': 'protocols:\n  vendor-radio: {title: Vendor telemetry radio, authentication: false, integrity: true, encryption: false, write_capable: false, wireless: true}\n',
          'model.spdf.yaml':
            'flows:\n  - {id: FL-1, source: AST-A, destination: AST-B, protocol: vendor-radio}\nassets:\n  - {id: AST-A, name: A, kind: device}\n  - {id: AST-B, name: B, kind: device}\n',
        },
      ],
      invalid: [
        'zones:\n  - id: Z-PUMP\n    name: Pump\n    class: devise\n#          ^^^^^^ TM006\n',
        'flows:\n  - id: FL-1\n    source: AST-A\n    destination: AST-B\n    protocol: bluetooth\n#             ^^^^^^^^^ TM006\nassets:\n  - {id: AST-A, name: A, kind: device}\n  - {id: AST-B, name: B, kind: device}\n',
      ],
    },
  },
  check(ctx) {
    for (const p of ctx.graph.problems) {
      if (p.code !== 'TM006' || isDeclaredProtocol(p, ctx.config.protocols)) continue;
      ctx.report({ file: p.file, range: p.range, message: p.message });
    }
  },
};
export default rule;
