import { parseCvss, scoreAgrees, versionsOf } from '../../analysis/scores';
import type { Rule } from '../types';

const PAIRS = [
  { vector: 'vector', score: 'pre', when: 'pre-mitigation' },
  { vector: 'post_vector', score: 'post', when: 'post-mitigation' },
] as const;

const rule: Rule = {
  meta: {
    code: 'TR004',
    alias: 'cvss-vector-invalid',
    severity: 'error',
    category: 'threats',
    description: 'A CVSS vector is malformed, does not fit the scoring method, or disagrees with the stated score.',
    rationale:
      'A reviewer recomputes CVSS scores from the vector. A vector that does not parse, a CVSS 4.0 vector under `method: cvss-3.1`, or a stated `pre`/`post` that differs from the base score the vector yields (by more than rounding, 0.05) makes the risk assessment unreproducible. Scores are computed with the ae-cvss-calculator library (CVSS 3.0, 3.1 and 4.0); the stated score may be the base score or the score of the whole vector (temporal/threat and environmental metrics).',
    source: 'FIRST CVSS v3.0, v3.1 and v4.0 specifications; MITRE Rubric for Applying CVSS to Medical Devices (CVSS v3.0)',
    fixable: false,
    since: '0.1.0',
    scope: 'file',
    examples: {
      valid: [
        `assets:
  - id: AST-LOG
    name: Usage log
    kind: data
threats:
  - id: THR-001
    title: Usage log read by another app
    stride: [I]
    targets: [AST-LOG]
    score:
      method: cvss-3.1
      vector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N"
      pre: 3.3
      post_vector: "CVSS:3.1/AV:L/AC:H/PR:H/UI:N/S:U/C:L/I:N/A:N"
      post: 1.9
    no_safety_impact_rationale: The log holds no therapy data.
`,
      ],
      invalid: [
        `assets:
  - id: AST-LOG
    name: Usage log
    kind: data
threats:
  - id: THR-001
    title: Usage log read by another app
    stride: [I]
    targets: [AST-LOG]
    score:
      method: cvss-3.1
      vector: "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N"
      pre: 5.3
#          ^^^ TR004
      post_vector: "CVSS:3.1/AV:L/AC:H/PR:H/UI:N/S:U/C:L"
#                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ TR004
      post: 1.9
    no_safety_impact_rationale: The log holds no therapy data.
`,
      ],
    },
  },
  check(ctx) {
    for (const t of ctx.graph.byKind.threat) {
      const score = t.data.score;
      if (!score || typeof score !== 'object' || Array.isArray(score)) continue;
      const method = score.method;
      for (const p of PAIRS) {
        const vector = score[p.vector];
        if (typeof vector !== 'string' || !vector.trim()) continue;
        const parsed = parseCvss(vector);
        if (!parsed.ok) {
          ctx.report({
            file: t.file,
            range: ctx.rangeOf(t, ['score', p.vector]),
            message: `threat '${t.id}': ${p.when} CVSS vector is malformed: ${parsed.error}`,
          });
          continue;
        }
        const versions = versionsOf(method);
        if (!versions.includes(parsed.version)) {
          ctx.report({
            file: t.file,
            range: ctx.rangeOf(t, ['score', p.vector]),
            message: `threat '${t.id}': a CVSS ${parsed.version} vector does not fit \`method: ${method}\` (expects CVSS ${versions.join(' or ')})`,
          });
          continue;
        }
        const stated = score[p.score];
        if (typeof stated === 'number' && !scoreAgrees(stated, parsed)) {
          const range = ctx.rangeOf(t, ['score', p.score]);
          const computed = parsed.base.toFixed(1);
          ctx.report({
            file: t.file,
            range,
            message: `threat '${t.id}': stated ${p.score} score ${stated} differs from the ${p.when} vector's base score ${computed}${parsed.overall !== parsed.base ? ` (whole vector ${parsed.overall.toFixed(1)})` : ''}`,
            suggestions: [{ description: `Set ${p.score} to ${computed}`, edits: [{ file: t.file, range, newText: computed }] }],
          });
        }
      }
    }
  },
};
export default rule;
