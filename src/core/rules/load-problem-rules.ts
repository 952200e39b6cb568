// @spdf implements SPDF-ENG-001
import cl009 from './cl/cl009-tag-near-syntax-error';
import cl013 from './cl/cl013-tag-in-disabled-code';
import cl014 from './cl/cl014-verifies-skipped-test';
import sb007 from './sb/sb007-sbom-unreadable';
import tm000 from './tm/tm000-yaml-syntax';
import tm006 from './tm/tm006-unknown-enum';
import tm008 from './tm/tm008-schema';
import tm009 from './tm/tm009-unreadable';
import tm013 from './tm/tm013-model-file-near-miss';
import tm014 from './tm/tm014-nested-config';
import type { Rule } from './types';

/**
 * The rules of the codes the model loader gives its problems (syntax, schema, unreadable files ...), each imported
 * alone: a command that shows the load problems without linting (`links`) loads no other rule. A test proves every
 * code the loader gives is here.
 */
export const LOAD_PROBLEM_RULES: readonly Rule[] = [tm000, tm006, tm008, tm009, tm013, tm014, sb007];

/** The rules of the doubtful links `links` reports (a tag next to a syntax error, in code no build compiles, on a test no run runs). */
export const DOUBTFUL_LINK_RULES = { CL009: cl009, CL013: cl013, CL014: cl014 } as const;

const byCode = new Map(LOAD_PROBLEM_RULES.map((r) => [r.meta.code, r]));

/** The rule of a load problem's code; undefined for a code the loader does not give. */
export function loadProblemRule(code: string): Rule | undefined {
  return byCode.get(code);
}
