import type { Rule, RuleMeta } from '../types';

/** A rule whose findings are the loader's problems of one code (syntax, schema, unreadable files). */
export function problemRule(meta: RuleMeta): Rule {
  return {
    meta,
    check(ctx) {
      for (const p of ctx.graph.problems) if (p.code === meta.code) ctx.report({ file: p.file, range: p.range, message: p.message });
    },
  };
}
