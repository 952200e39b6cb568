import { isImplementationLink } from '../../analysis/verification';
import type { ModelItem } from '../../model/graph';
import type { Rule } from '../types';
import { allLinks } from './code-facts';

/** Whether `test` holds for one of the IDs (strings) of a list field, in order; `test` sees each until it holds. */
function someId(value: unknown, test: (id: string) => boolean | void): boolean {
  if (!Array.isArray(value)) return false;
  for (const v of value as unknown[]) if (typeof v === 'string' && test(v)) return true;
  return false;
}

const rule: Rule = {
  meta: {
    code: 'CL007',
    alias: 'hazard-requirement-without-code',
    severity: 'warning',
    category: 'code-links',
    description: 'A requirement that serves a hazard-linked threat has no implementing code.',
    rationale:
      'When a cyber threat can cause harm (it links an ISO 14971 hazard), the requirements that control it are safety risk controls; their implementation must be traceable to code, not only to documents. Tag the implementing function with `@spdf implements ID`.',
    source: 'AAMI TIR57 / ANSI/AAMI SW96 (security risk controls with safety impact); ISO 14971 7.2 implementation of risk control measures',
    fixable: false,
    since: '0.1.0',
    reads: ['controls', 'derived_from', 'hazards', 'implements', 'threats'],
    needs: ['code'],
    examples: {
      valid: [
        {
          'model.spdf.yaml':
            'hazards:\n  - id: HAZ-004\n    hazard: Over-infusion\nthreats:\n  - id: THR-012\n    title: Spoofed dose command\n    hazards: [HAZ-004]\nrequirements:\n  - id: SEC-REQ-014\n    title: Signed commands\n    derived_from: [THR-012]\n',
          'src/dose.c': '// @spdf implements SEC-REQ-014\nint dose_set_rate(int rate) { return rate; }\n',
        },
      ],
      invalid: [
        {
          'model.spdf.yaml':
            'hazards:\n  - id: HAZ-004\n    hazard: Over-infusion\nthreats:\n  - id: THR-012\n    title: Spoofed dose command\n    hazards: [HAZ-004]\nrequirements:\n  - id: SEC-REQ-014\n#       ^^^^^^^^^^^ CL007\n    title: Signed commands\n    derived_from: [THR-012]\n',
          'src/dose.c': 'int dose_set_rate(int rate) { return rate; }\n',
        },
      ],
    },
  },
  check(ctx) {
    const hazardThreats = new Set<string>();
    for (const t of ctx.graph.byKind.threat) if (someId(t.data.hazards, () => true)) hazardThreats.add(t.id);
    if (hazardThreats.size === 0) return;
    const implemented = new Set(
      allLinks(ctx)
        .filter((l) => isImplementationLink(l, ctx.graph.byId.get(l.id)))
        .map((l) => l.id),
    );
    const controlsOfHazardThreats = new Set<string>();
    for (const threat of ctx.graph.byKind.threat) if (hazardThreats.has(threat.id)) someId(threat.data.controls, (c) => void controlsOfHazardThreats.add(c));
    for (const control of ctx.graph.byKind.control) {
      if (someId(control.data.threats, (t) => hazardThreats.has(t))) controlsOfHazardThreats.add(control.id);
    }
    const viaControls = new Set<string>();
    for (const c of ctx.graph.byKind.control) if (controlsOfHazardThreats.has(c.id)) someId(c.data.implements, (id) => void viaControls.add(id));
    const servesHazard = (req: ModelItem) =>
      viaControls.has(req.id) || someId(req.data.derived_from, (id) => hazardThreats.has(id)) || someId(req.data.controls, (id) => controlsOfHazardThreats.has(id));
    for (const req of ctx.graph.byKind.requirement) {
      if (implemented.has(req.id) || !servesHazard(req)) continue;
      ctx.report({
        file: req.file,
        range: ctx.rangeOf(req),
        message: `requirement '${req.id}' controls a threat with safety impact but no code implements it; tag the implementing function with '@spdf implements ${req.id}'`,
      });
    }
  },
};
export default rule;
