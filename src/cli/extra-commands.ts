import type { Out } from './io';

export interface ExtraCommand {
  summary: string;
  run(o: Out, args: string[]): Promise<number>;
}

/**
 * Commands beyond lint/rules/explain/init (links, review, trace, check): each lives in its own
 * module under src/cli/commands and is listed here.
 */
export const extraCommands: Record<string, ExtraCommand> = {};
