import type { Rule } from '../types';
import { hasText } from '../tr/helpers';

const rule: Rule = {
  meta: {
    code: 'SB003',
    alias: 'missing-postmarket-plan',
    severity: 'error',
    category: 'submission',
    description: 'A cyber device has no postmarket cybersecurity plan (`system.postmarket.plan`) or no coordinated vulnerability disclosure reference (`system.postmarket.cvd`).',
    rationale:
      'Section 524B(b)(1) requires a plan to monitor, identify and address postmarket cybersecurity vulnerabilities and exploits, including coordinated vulnerability disclosure; the FDA refuses to accept a cyber-device submission without it.',
    source: 'FD&C Act 524B(b)(1); FDA premarket cybersecurity guidance VI (cybersecurity management plan)',
    fixable: false,
    since: '0.1.0',
    reads: ['cyber_device', 'postmarket'],
    examples: {
      valid: [
        `system:
  id: SYS-PUMP
  name: Smart infusion system
  cyber_device: true
  views:
    global: docs/views/global.drawio
    multi_patient: docs/views/multi-patient.drawio
    updatability: docs/views/updatability.drawio
    security_use_cases: [docs/views/uc-pairing.drawio]
  postmarket: {plan: docs/postmarket-plan.md, cvd: "https://example.com/security"}
`,
      ],
      invalid: [
        `system:
  id: SYS-PUMP
  name: Smart infusion system
  cyber_device: true
  views:
    global: docs/views/global.drawio
    multi_patient: docs/views/multi-patient.drawio
    updatability: docs/views/updatability.drawio
    security_use_cases: [docs/views/uc-pairing.drawio]
  postmarket: {plan: docs/postmarket-plan.md}
# ^^^^^^^^^^ SB003
`,
      ],
    },
  },
  check(ctx) {
    for (const s of ctx.graph.byKind.system) {
      if (s.data.cyber_device !== true) continue;
      const p = s.data.postmarket && typeof s.data.postmarket === 'object' ? s.data.postmarket : {};
      const missing = [!hasText(p.plan) && 'a postmarket cybersecurity plan (`postmarket.plan`)', !hasText(p.cvd) && 'a coordinated vulnerability disclosure reference (`postmarket.cvd`)'].filter(
        Boolean,
      );
      if (!missing.length) continue;
      ctx.report({
        file: s.file,
        range: s.data.postmarket !== undefined ? ctx.keyRangeOf(s, ['postmarket']) : ctx.rangeOf(s, ['cyber_device']),
        message: `cyber device '${s.id}' lacks ${missing.join(' and ')} (FD&C 524B(b)(1))`,
      });
    }
  },
};
export default rule;
