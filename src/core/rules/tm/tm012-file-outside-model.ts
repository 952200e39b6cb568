import { pathMatcher } from '../../path-glob';
import { REVIEW_LOCK_FILE } from '../../codelinks/review-lock';
import { CONFIG_FILE } from '../../model/config';
import { ALWAYS_EXCLUDED } from '../../model/load-workspace';
import { ZERO_RANGE } from '../../types';
import type { Rule, RuleContext } from '../types';

/** Why `file` is not part of the model, or undefined when it is. */
function whyOutside(ctx: RuleContext, file: string, listed: Set<string>): string | undefined {
  const { include, exclude } = ctx.config;
  const list = (globs: string[]) => globs.map((g) => `'${g}'`).join(', ');
  if (!pathMatcher(include)(file)) return `it does not match \`include\` (${list(include)})`;
  const excludedBy = exclude.find((g) => pathMatcher(g)(file));
  if (excludedBy) return `it matches \`exclude\` pattern '${excludedBy}'`;
  if (pathMatcher(ALWAYS_EXCLUDED)(file)) return 'it lies in node_modules or .git, which are never part of the model';
  if (!listed.has(file)) return 'the workspace walk skipped it (.gitignore or an ignored folder)';
  return undefined;
}

const rule: Rule = {
  meta: {
    code: 'TM012',
    alias: 'file-outside-model',
    severity: 'error',
    category: 'structure',
    description: 'A file named explicitly (a path given to `spdf lint`, a model file open in the editor) is not part of the model, so it was not checked.',
    rationale:
      'A check that did not happen must not look like a pass: `spdf lint broken.spdf.yaml` used to print "no problems" when the config\'s `include`/`exclude` (or .gitignore) left the file out of the model. As ESLint does for an explicitly named ignored file, the file is reported at 1:1 with the reason; unlike ESLint this is an error, so the gate fails. Fix the config, or stop naming the file. Files inside a named folder count as named when they look like model files (`*.spdf.yaml`, or matching `include`); naming the workspace root names nothing. The editor shows this as a warning on an open file (opening a file is not asking for a gate).',
    source: 'ESLint "File ignored because of a matching ignore pattern" for explicitly named files; fail-closed gate',
    fixable: false,
    needs: ['files', 'explicit-files'],
    since: '0.2.0',
    reads: ['class', 'date', 'hazard', 'implements', 'type', 'verifies', 'version'],
    examples: {
      valid: [{ 'spdf.config.yaml': "exclude: ['archive/**']\n", 'model.spdf.yaml': 'hazards: []\n' }],
      invalid: [{ 'spdf.config.yaml': "exclude: ['archive/**']\n", 'archive/old.spdf.yaml': 'hazards: []\n#<^ TM012\n' }],
    },
  },
  check(ctx) {
    if (!ctx.explicitFiles?.length) return;
    const listed = new Set(ctx.allFiles);
    const own = new Set([CONFIG_FILE, ctx.config.lockFile || REVIEW_LOCK_FILE]);
    for (const file of new Set(ctx.explicitFiles)) {
      if (own.has(file)) continue;
      const why = whyOutside(ctx, file, listed);
      if (why) ctx.report({ file, range: ZERO_RANGE, message: `file ignored: ${why}; it is not part of the model and was not checked` });
    }
  },
};
export default rule;
