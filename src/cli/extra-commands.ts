import type { Out } from './io';
import { traceCommand } from './commands/trace';
import { checkCommand } from './commands/check';
import { linksCommand } from './commands/links';
import { reviewCommand } from './commands/review';

export interface ExtraCommand {
  summary: string;
  run(o: Out, args: string[]): Promise<number>;
}

/**
 * Commands beyond lint/rules/explain/init (links, review, trace, check): each lives in its own
 * module under src/cli/commands and is listed here.
 */
export const extraCommands: Record<string, ExtraCommand> = {
  trace: { summary: 'traceability matrix: --view requirements|threats|hazards|controls|zones|fda --format html|csv|xlsx|md|json|sarif -o FILE', run: traceCommand },
  links: { summary: 'every code link (id, relation, file, symbol, status) [--format json]', run: linksCommand },
  review: { summary: 'record links as reviewed in spdf.lock.json: --all | ID... [--reviewer NAME]', run: reviewCommand },
  check: { summary: 'CI gate: --min-coverage PCT [--fail-on-status SUSPECT,MISSING,ERROR]', run: checkCommand },
};
