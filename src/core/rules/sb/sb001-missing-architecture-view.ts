import type { Rule } from '../types';
import { hasText, strList } from '../tr/helpers';

const VIEWS = [
  ['global', 'global system'],
  ['multi_patient', 'multi-patient harm'],
  ['updatability', 'updatability/patchability'],
  ['security_use_cases', 'security use case'],
] as const;

const rule: Rule = {
  meta: {
    code: 'SB001',
    alias: 'missing-architecture-view',
    severity: 'warning',
    category: 'submission',
    description: 'A cyber device (`system.cyber_device: true`) lacks one of the FDA architecture views: global system, multi-patient harm, updatability/patchability, security use case(s).',
    rationale:
      'The FDA premarket guidance asks for security architecture views, at least a global system view, a multi-patient harm view, an updatability/patchability view and security use case views; reviewers refuse submissions that lack them. `system.views` records where each lives.',
    source: 'FDA premarket cybersecurity guidance (2023/2025) V.B.2 (security architecture views); FD&C Act 524B',
    fixable: false,
    since: '0.1.0',
    reads: ['cyber_device', 'views'],
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
# ^^^^^ SB001
    global: docs/views/global.drawio
    security_use_cases: []
  postmarket: {plan: docs/postmarket-plan.md, cvd: "https://example.com/security"}
`,
      ],
    },
  },
  check(ctx) {
    for (const s of ctx.graph.byKind.system) {
      if (s.data.cyber_device !== true) continue;
      const v = s.data.views && typeof s.data.views === 'object' ? s.data.views : {};
      const missing = VIEWS.filter(([k]) => (k === 'security_use_cases' ? !strList(v[k]).length : !hasText(v[k]))).map(([, name]) => name);
      if (!missing.length) continue;
      ctx.report({
        file: s.file,
        range: s.data.views !== undefined ? ctx.keyRangeOf(s, ['views']) : ctx.rangeOf(s, ['cyber_device']),
        message: `cyber device '${s.id}' lacks the ${missing.join(', ')} view${missing.length > 1 ? 's' : ''} (FDA V.B.2); record ${missing.length > 1 ? 'them' : 'it'} in \`system.views\``,
      });
    }
  },
};
export default rule;
