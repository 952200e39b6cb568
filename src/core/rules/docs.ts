import { PROFILES, profileSeverity } from './profiles';
import { PROFILE_NAMES } from '../model/config-def';
import type { Rule, RuleExample } from './types';

const fence = (lang: string, text: string) => '```' + lang + '\n' + text.replace(/\n$/, '') + '\n```';

function renderExample(ex: RuleExample): string {
  if (typeof ex === 'string') return fence('yaml', ex);
  return Object.entries(ex)
    .map(([file, text]) => `\`${file}\`\n\n${fence(file.endsWith('.yaml') || file.endsWith('.yml') ? 'yaml' : '', text)}`)
    .join('\n\n');
}

/** Markdown documentation of one rule, as `spdf explain` prints it and docs/rules.md holds it. */
export function ruleDoc(rule: Rule, heading = '##'): string {
  const m = rule.meta;
  const parts = [
    `${heading} ${m.code} ${m.alias}`,
    m.description,
    `- Default severity: ${m.severity}\n- Category: ${m.category}\n- Fixable by \`spdf lint --fix\`: ${m.fixable ? 'yes' : 'no'}\n- Source: ${m.source}\n- Since: ${m.since}${m.needs?.length ? `\n- Needs: ${m.needs.join(', ')}${m.runsWithout?.length ? ` (runs without ${m.runsWithout.join(', ')})` : ''}` : ''}`,
    `**Why.** ${m.rationale}`,
  ];
  if (m.examples.invalid.length) parts.push(`**Reported** (markers show the span):\n\n${m.examples.invalid.map(renderExample).join('\n\n')}`);
  if (m.examples.valid.length) parts.push(`**Accepted:**\n\n${m.examples.valid.map(renderExample).join('\n\n')}`);
  parts.push(`Disable in \`spdf.config.yaml\` with \`rules: { ${m.code}: off }\`, or for one line with \`# spdf-disable-next-line ${m.code} -- reason\`.`);
  return parts.join('\n\n') + '\n';
}

export function rulesDoc(rules: readonly Rule[]): string {
  return [
    '# SPDF Workbench rules',
    '',
    "<!-- Generated from the rules' metadata by `npm run generate`; do not edit. -->",
    '',
    `${rules.length} rules. Profiles and their severities are listed in [profiles](#profiles).`,
    '',
    rules.map((r) => ruleDoc(r)).join('\n'),
    profilesTable(rules),
  ].join('\n');
}

/** Markdown table: code, alias, default severity, fixable, description (for the README). */
export function rulesTable(rules: readonly Rule[]): string {
  const rows = rules.map(
    (r) => `| [${r.meta.code}](docs/rules.md#${anchor(r)}) | ${r.meta.alias} | ${r.meta.severity} | ${r.meta.fixable ? 'yes' : ''} | ${r.meta.description.replace(/\|/g, '\\|')} |`,
  );
  return ['| Code | Alias | Severity | Fix | Description |', '|---|---|---|---|---|', ...rows].join('\n');
}

export function profilesTable(rules: readonly Rule[]): string {
  const head = `| Rule | ${PROFILE_NAMES.join(' | ')} |`;
  const sep = `|---|${PROFILE_NAMES.map(() => '---').join('|')}|`;
  const rows = rules.map((r) => `| ${r.meta.code} | ${PROFILE_NAMES.map((p) => profileSeverity(p, r)).join(' | ')} |`);
  const descs = PROFILE_NAMES.map((p) => `- \`${p}\`: ${PROFILES[p].description}`).join('\n');
  return ['## Profiles', '', 'Select with `profile:` in `spdf.config.yaml`; `rules:` overrides apply on top.', '', descs, '', head, sep, ...rows, ''].join('\n');
}

function anchor(r: Rule): string {
  return `${r.meta.code}-${r.meta.alias}`.toLowerCase();
}
