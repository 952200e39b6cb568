/** The `spdf.*` settings: read from the client (pulled, or pushed with didChangeConfiguration) over the previous ones. */
import type { ServerSettings } from '../protocol';
import { defaultDocsUrl } from './convert';
import type { ServerSession } from './session';

/** Pulls the `spdf` section when the client supports `workspace/configuration`; a failure keeps the settings. */
export async function pullSettings(session: ServerSession): Promise<void> {
  if (!session.caps.workspace?.configuration) return;
  try {
    const s = (await session.connection.workspace.getConfiguration('spdf')) as Record<string, unknown> | null;
    if (s) session.settings = settingsFrom(s, session.settings);
    session.docsUrl = session.settings.rulesDocsUrl || defaultDocsUrl();
  } catch (e) {
    session.logError('configuration', e);
  }
}

const oneOf = <T extends string>(v: unknown, values: readonly T[], d: T): T => (values.includes(v as T) ? (v as T) : d);

/** Settings from a client's `spdf` object: a missing or mistyped value keeps its previous value. */
export function settingsFrom(s: Record<string, unknown>, prev: ServerSettings): ServerSettings {
  const get = (path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), s);
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : d);
  const bool = (v: unknown, d: boolean) => (typeof v === 'boolean' ? v : d);
  const str = (v: unknown, d: string) => (typeof v === 'string' ? v : d);
  return {
    debounceMs: num(get('diagnostics.debounceMs') ?? get('debounceMs'), prev.debounceMs),
    codeLens: bool(get('codeLens.enable') ?? get('codeLens'), prev.codeLens),
    rulesDocsUrl: str(get('rulesDocsUrl'), prev.rulesDocsUrl),
    reviewer: str(get('review.reviewer') ?? get('reviewer'), prev.reviewer),
    codeLinks: bool(get('codeLinks.enable') ?? get('codeLinks'), prev.codeLinks),
    baselineSeverity: oneOf(get('baseline.severity'), ['hint', 'information', 'off'] as const, prev.baselineSeverity),
  };
}
