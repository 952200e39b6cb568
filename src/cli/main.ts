// @spdf implements SPDF-CLI-001
import { explainCommand, rulesCommand } from './commands/rules';
import { initCommand } from './commands/init';
import { lintCommand } from './commands/lint';
import { EXIT_OK, EXIT_USAGE, UsageError, type Out } from './io';
import { guarded } from './guard';
import { USAGE, type ExtraCommandName } from './usage';
import { BASELINE_FLAGS, BASELINE_FLAGS_USAGE } from './baseline-flags';
import { extraCommands } from './extra-commands';
import { parseCommand, unknownValue } from './parse-command';
import { checkPathOptions, WORKSPACE_FLAGS_WITH_CODE, WORKSPACE_FLAGS_WITH_CODE_USAGE } from './workspace-flags';

/** For dist/cli.js: the whole-result cache proves a changed source file's index the same with it (bin.ts). */
export { rederive } from '../node/result-cache-derived';

const LINT_USAGE = `usage: spdf lint [paths...] [options]
Checks the workspace that holds the paths (default: the current folder; paths of different workspaces are refused); paths narrow what is reported, never what is loaded.
  -f, --format human|json|sarif|code-quality   output format (default human; code-quality: GitLab's report)
  --max-warnings N                exit 1 when more than N warnings are shown
  --fix                           apply the fixes of fixable rules, listing every change
  -q, --quiet                     show errors only
  ${BASELINE_FLAGS_USAGE}
  ${WORKSPACE_FLAGS_WITH_CODE_USAGE}
exit codes: 0 clean, 1 findings at error level (or too many warnings, or baseline entries that no longer occur), 2 usage or internal error (or an unreadable baseline, or output that could not be written).`;
const RULES_USAGE = 'usage: spdf rules [--format human|json]\nLists every rule: code, alias, default severity, description.';
const EXPLAIN_USAGE = 'usage: spdf explain CODE|ALIAS\nPrints the documentation of one rule.';
const INIT_USAGE = 'usage: spdf init [dir]\nWrites a starter config and model into an empty (or new) folder; never overwrites.';

export async function main(argv: string[], o: Out): Promise<number> {
  const [command, ...rest] = argv;
  const help = (usage: string) => (o.out(usage), EXIT_OK);
  return guarded(o, async () => {
    switch (command) {
      case 'lint': {
        const { values, positionals } = parseCommand(
          rest,
          {
            format: { type: 'string', short: 'f', default: 'human' },
            'max-warnings': { type: 'string' },
            fix: { type: 'boolean', default: false },
            quiet: { type: 'boolean', short: 'q', default: false },
            ...BASELINE_FLAGS,
            ...WORKSPACE_FLAGS_WITH_CODE,
          },
          Infinity,
        );
        if (values.help) return help(LINT_USAGE);
        const mw = values['max-warnings'];
        if (mw !== undefined && !/^\d+$/.test(mw)) throw new UsageError('--max-warnings takes a whole number');
        const ws = checkPathOptions(values);
        return await lintCommand(o, {
          paths: positionals,
          format: values.format,
          maxWarnings: mw === undefined ? undefined : Number(mw),
          fix: values.fix,
          quiet: values.quiet,
          untrusted: !ws.trusted,
          code: ws.code,
          cache: ws.cache,
          cacheLocation: ws.cacheLocation,
          baseline: values,
        });
      }
      case 'rules': {
        const { values } = parseCommand(rest, { format: { type: 'string', short: 'f', default: 'human' } }, 0);
        if (values.help) return help(RULES_USAGE);
        return rulesCommand(o, values.format);
      }
      case 'explain': {
        const { values, positionals } = parseCommand(rest, {}, 1, 'rule code');
        return values.help ? help(EXPLAIN_USAGE) : explainCommand(o, positionals[0]);
      }
      case 'init': {
        const { values, positionals } = parseCommand(rest, {}, 1, 'folder');
        return values.help ? help(INIT_USAGE) : initCommand(o, positionals[0]);
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        o.out(USAGE);
        return command === undefined ? EXIT_USAGE : 0;
      default: {
        const extra = Object.hasOwn(extraCommands, command) ? extraCommands[command as ExtraCommandName] : undefined;
        if (extra) return await extra(o, rest);
        throw unknownValue('command', command, ['lint', 'rules', 'explain', 'init', ...Object.keys(extraCommands)], false);
      }
    }
  });
}
