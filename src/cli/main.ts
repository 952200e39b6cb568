#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { explainCommand, rulesCommand } from './commands/rules';
import { initCommand } from './commands/init';
import { lintCommand } from './commands/lint';
import { EXIT_USAGE, UsageError, processOut, type Out } from './io';
import { extraCommands } from './extra-commands';

const USAGE = `usage: spdf <command> [options]

commands:
  lint [paths...]     check the workspace; paths narrow what is reported
      --format human|json|sarif   --max-warnings N   --fix   --quiet   --untrusted   --no-code   --no-cache   --cache-location DIR
  rules [--format json]   list every rule
  explain CODE        print a rule's documentation
  init [dir]          write a starter config and model into an empty folder
${Object.entries(extraCommands).map(([n, c]) => `  ${n.padEnd(18)}  ${c.summary}`).join('\n')}
exit codes: 0 clean, 1 findings at error level (or too many warnings), 2 usage or internal error.`;

export async function main(argv: string[], o: Out): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint': {
        const { values, positionals } = parseArgs({
          args: rest,
          allowPositionals: true,
          options: {
            format: { type: 'string', short: 'f', default: 'human' },
            'max-warnings': { type: 'string' },
            fix: { type: 'boolean', default: false },
            quiet: { type: 'boolean', short: 'q', default: false },
            untrusted: { type: 'boolean', default: false },
            'no-code': { type: 'boolean', default: false },
            'no-cache': { type: 'boolean', default: false },
            'cache-location': { type: 'string' },
          },
        });
        const mw = values['max-warnings'];
        if (mw !== undefined && !/^\d+$/.test(mw)) throw new UsageError('--max-warnings takes a whole number');
        return await lintCommand(o, { paths: positionals, format: values.format!, maxWarnings: mw === undefined ? undefined : Number(mw), fix: !!values.fix, quiet: !!values.quiet, untrusted: !!values.untrusted, code: !values['no-code'], cache: !values['no-cache'], cacheLocation: values['cache-location'] });
      }
      case 'rules': {
        const { values } = parseArgs({ args: rest, options: { format: { type: 'string', short: 'f', default: 'human' } } });
        return rulesCommand(o, values.format!);
      }
      case 'explain':
        return explainCommand(o, parseArgs({ args: rest, allowPositionals: true }).positionals[0]);
      case 'init':
        return initCommand(o, parseArgs({ args: rest, allowPositionals: true }).positionals[0]);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        o.out(USAGE);
        return command === undefined ? EXIT_USAGE : 0;
      default: {
        const extra = extraCommands[command];
        if (extra) return await extra.run(o, rest);
        throw new UsageError(`unknown command '${command}'`);
      }
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      o.err(`spdf: ${(e as Error).message}\n\n${USAGE}`);
      return EXIT_USAGE;
    }
    o.err(`spdf: internal error: ${(e as Error)?.stack ?? e}`);
    return EXIT_USAGE;
  }
}

if (require.main === module) {
  main(process.argv.slice(2), processOut()).then((code) => {
    process.exitCode = code;
  });
}
