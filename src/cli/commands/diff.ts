// @spdf implements SPDF-CMD-DIFF, SPDF-FC-REPORTS
import { promises as fs } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { diffToMarkdown, diffToText } from '../../core/export/diff-report';
import { diffToJson, diffToSarif } from '../../core/export/diff-machine';
import { evidenceDiff, UnreadableRevisionError } from '../../node/evidence-diff';
import { GitError } from '../../node/git-revision';
import { CODE_OFF } from '../../node/revision-snapshot';
import { writeFileAtomic } from '../../node/atomic-write';
import { inputsOf, refusedOutput } from '../../node/output-target';
import { visible } from '../visible';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type Out } from '../io';
import { checkFormat, parseCommand } from '../parse-command';
import { rootPrefix } from '../lint-formats';
import pkg from '../../../package.json';

export const DIFF_FORMATS = ['human', 'md', 'json', 'sarif'] as const;

const USAGE = `usage: spdf diff [REV_A[..REV_B]] [options]
What a change did to the security and safety evidence: model items added, removed and changed (with the
normative fields that changed), code links added, removed, become suspect and tagged symbols changed, trace
status changes, the coverage delta, new and resolved findings, and for each changed item or symbol the
hazards, threats, controls and requirements it reaches with the tests that verify them.
Revisions are read through git (git ls-tree, git cat-file): no checkout, the working tree and index untouched.
  (no range)       merge base of HEAD with the default branch .. the working tree
  REV_A            REV_A .. the working tree
  REV_A..REV_B     two commits
  -C, --dir DIR                the workspace (default: the current folder)
  -f, --format ${DIFF_FORMATS.join('|')}   md: a pull-request comment or CI job summary; json: schema
                               media/schemas/spdf.diff.schema.json; sarif: the new findings only (default human)
  -o, --output FILE            write to FILE (atomically) instead of stdout
  --untrusted   --no-code
exit codes: 0 report written, 1 a revision's model did not load (listed with file:line:col, nothing written) or
an input was not read or understood (report written, marked INCOMPLETE, problems listed), 2 usage error,
not a git repository or an unknown revision.`;

export async function diffCommand(o: Out, args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(
    args,
    {
      dir: { type: 'string', short: 'C' },
      format: { type: 'string', short: 'f', default: 'human' },
      output: { type: 'string', short: 'o' },
      untrusted: { type: 'boolean', default: false },
      'no-code': { type: 'boolean', default: false },
    },
    1,
    'revision range',
  );
  if (values.help) return (o.out(USAGE), EXIT_OK);
  const format = checkFormat(values.format, DIFF_FORMATS);
  let run;
  try {
    run = await evidenceDiff(values.dir ?? '.', positionals[0], { trusted: !values.untrusted, code: !values['no-code'] });
  } catch (e) {
    if (e instanceof GitError || e instanceof RangeError) {
      o.err(`spdf diff: ${e.message}`);
      return EXIT_USAGE;
    }
    if (e instanceof UnreadableRevisionError) {
      o.err(e.message);
      return EXIT_FINDINGS;
    }
    throw e;
  }
  const { diff } = run;
  for (const p of diff.problems) o.err(`warning: ${p}`);
  const text =
    format === 'md'
      ? diffToMarkdown(diff)
      : format === 'json'
        ? diffToJson(diff)
        : format === 'sarif'
          ? diffToSarif(diff, { toolVersion: pkg.version, uriPrefix: rootPrefix(run.root) })
          : diffToText(diff);
  if (values.output) {
    const refused = refusedOutput('spdf diff', run.root, inputsOf(run.head.workspace), values.output);
    if (refused !== undefined) {
      o.err(visible(refused));
      return EXIT_USAGE;
    }
    const abs = resolve(values.output);
    await fs.mkdir(dirname(abs), { recursive: true });
    await writeFileAtomic(abs, text);
    o.err(`wrote ${values.output}`);
  } else o.out(text.replace(/\n$/, ''));
  // The report says INCOMPLETE inside; the exit code says it to a script that only keeps the file.
  const unread = diff.problems.filter((p) => !p.endsWith(`: ${CODE_OFF}`)).length;
  if (unread) {
    o.err(`spdf diff: INCOMPLETE: ${unread} input problem${unread === 1 ? '' : 's'} (above); what was not read is missing from the diff`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
