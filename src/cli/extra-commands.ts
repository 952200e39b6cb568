import type { Out } from './io';
import { traceCommand } from './commands/trace';
import { checkCommand } from './commands/check';

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
  check: { summary: 'CI gate: --min-coverage PCT [--fail-on-status SUSPECT,MISSING,ERROR]', run: checkCommand },
};
