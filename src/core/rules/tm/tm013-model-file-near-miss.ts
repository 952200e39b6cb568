import picomatch from 'picomatch';
import { ALWAYS_EXCLUDED } from '../../model/load-workspace';
import { ZERO_RANGE } from '../../types';
import type { Rule } from '../types';

/** Named like a model file, spelt otherwise than `*.spdf.yaml`: `*.spdf.yml`, `*.SPDF.YAML`, `*.Spdf.Yml` ... */
const isNearMiss = (file: string) => /\.spdf\.ya?ml$/i.test(file) && !file.endsWith('.spdf.yaml');

const rule: Rule = {
  meta: {
    code: 'TM013',
    alias: 'model-file-near-miss',
    severity: 'error',
    category: 'structure',
    description: 'A file named like a model file but spelt otherwise (`zones.spdf.yml`, `Threats.SPDF.YAML`) is matched by no `include` glob, so its items are not part of the model.',
    rationale:
      'Requirements, threats or hazards written into `controls.spdf.yml` were silently left out: the default `include` is `**/*.spdf.yaml`, nothing read the file, and `spdf check` passed without them (a requirement nobody sees cannot be uncovered). A file with the model suffix in another spelling is reported at 1:1 unless `include` matches it or `exclude` leaves it out on purpose. Rename it to `*.spdf.yaml`, add its pattern to `include`, or list it in `exclude`.',
    source: 'fail-closed gate (No false green): an input that was not read must not look like a pass',
    fixable: false,
    needs: ['files'],
    since: '0.2.0',
    reads: [],
    examples: {
      valid: [
        { 'model.spdf.yaml': 'hazards: []\n', 'notes.yml': 'a: 1\n' },
        { 'spdf.config.yaml': "include: ['model/*.spdf.yml']\n", 'model/zones.spdf.yml': 'zones: []\n' },
        { 'spdf.config.yaml': "exclude: ['archive/**']\n", 'model.spdf.yaml': 'hazards: []\n', 'archive/old.spdf.yml': 'hazards: []\n' },
      ],
      invalid: [
        { 'model.spdf.yaml': 'hazards: []\n', 'model/controls.spdf.yml': 'controls: []\n#<^ TM013\n' },
        { 'model.spdf.yaml': 'hazards: []\n', 'Threats.SPDF.YAML': 'threats: []\n#<^ TM013\n' },
      ],
    },
  },
  check(ctx) {
    const included = picomatch(ctx.config.include, { dot: true });
    const excluded = picomatch([...ALWAYS_EXCLUDED, ...ctx.config.exclude], { dot: true });
    const list = ctx.config.include.map((g) => `'${g}'`).join(', ');
    for (const file of ctx.allFiles)
      if (isNearMiss(file) && !included(file) && !excluded(file))
        ctx.report({
          file,
          range: ZERO_RANGE,
          message: `named like a model file, but no \`include\` glob (${list}) matches it: its items are not part of the model. Rename it to *.spdf.yaml, add it to \`include\`, or \`exclude\` it`,
        });
  },
};
export default rule;
