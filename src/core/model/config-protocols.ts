import type { SourceText } from '../text';
import { asMap, deref, nodeAt, type YMap } from '../yaml/ynode';
import { PROTOCOLS, type Protection, type ProtocolInfo } from '../vocab/protocols';
import { bool, obj, str, type FieldSpec } from './fields';
import type { LoadProblem } from './graph';

const protection = {
  authentication: bool('Peers or messages are authenticated by the protocol itself.'),
  integrity: bool('Messages are protected against modification by the protocol itself.'),
  encryption: bool('Traffic is encrypted by the protocol itself.'),
};

/** Shape of one entry under `protocols` in spdf.config.yaml. */
export const CUSTOM_PROTOCOL: FieldSpec = obj(
  {
    title: str('Human-readable name.'),
    ...protection,
    write_capable: bool('Carries write or command functions that can change device state.'),
    ot: bool('Industrial control protocol (default false).'),
    clinical: bool('Clinical data protocol (default false).'),
    wireless: bool('A radio link (default false).'),
    configuration_dependent: bool('Security depends on configuration: every channel must state its `security_mode` (default false).'),
    modes: { type: 'map', values: obj(protection, 'What the mode gives.', ['authentication', 'integrity', 'encryption']), doc: 'Security modes a channel may state, and what each gives.' },
  },
  'A protocol the workspace uses that the built-in vocabulary lacks.',
  ['authentication', 'integrity', 'encryption', 'write_capable'],
);

const flag = (v: unknown): boolean => v === true;
const protectionOf = (m: Record<string, unknown>): Protection => ({ authenticated: flag(m.authentication), integrity: flag(m.integrity), encrypted: flag(m.encryption) });

/**
 * The `protocols` of spdf.config.yaml as vocabulary entries. A name the built-in table already has is a
 * TM008 problem and is ignored: the built-in properties of a protocol cannot be weakened or strengthened
 * from the config. An unstated security property counts as absent and write capability as present.
 */
export function customProtocols(root: YMap, raw: unknown, source: SourceText): { protocols: Record<string, ProtocolInfo>; problems: LoadProblem[] } {
  const protocols: Record<string, ProtocolInfo> = {};
  const problems: LoadProblem[] = [];
  const entries = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  for (const pair of asMap(nodeAt(root, ['protocols']))?.pairs ?? []) {
    const name = String(pair.key.value);
    if (Object.hasOwn(PROTOCOLS, name)) {
      problems.push({
        code: 'TM008',
        message: `protocols.${name}: '${name}' is a built-in protocol; its properties cannot be redefined (choose another name)`,
        file: source.path,
        range: source.range(pair.key.start, pair.key.end),
      });
      continue;
    }
    const v = entries[name];
    if (!deref(pair.value) || !v || typeof v !== 'object' || Array.isArray(v)) continue;
    const d = v as Record<string, unknown>;
    const modes = d.modes && typeof d.modes === 'object' && !Array.isArray(d.modes) ? (d.modes as Record<string, unknown>) : undefined;
    protocols[name] = {
      title: typeof d.title === 'string' ? d.title : name,
      ...protectionOf(d),
      ot: flag(d.ot),
      clinical: flag(d.clinical),
      canWrite: d.write_capable !== false,
      wireless: flag(d.wireless),
      ...(modes ? { modes: Object.fromEntries(Object.entries(modes).map(([k, m]) => [k, protectionOf(m && typeof m === 'object' ? (m as Record<string, unknown>) : {})])) } : {}),
      ...(d.configuration_dependent === true ? { modeRequired: true } : {}),
    };
  }
  return { protocols, problems };
}

/** A TM006 problem about a protocol the config declares: the value is known after all. */
export function isDeclaredProtocol(p: LoadProblem, protocols: Readonly<Record<string, ProtocolInfo>>): boolean {
  return p.code === 'TM006' && p.open?.vocab === 'protocol' && Object.hasOwn(protocols, p.open.value);
}
