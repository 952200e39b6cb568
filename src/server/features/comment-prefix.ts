/** The line-comment prefix of a file, for the comments the server inserts (tags, suppressions). */
import { languageDescriptor } from '../../core/codelinks/languages';
import type { FeatureContext } from './feature-context';

export function commentPrefix(ctx: FeatureContext, path: string): string {
  const kind = ctx.state.kindOf(path);
  if (kind === 'model' || kind === 'config' || path.endsWith('.yaml') || path.endsWith('.yml')) return '#';
  const lang = ctx.state.code?.languageOf(path);
  return lang ? languageDescriptor(lang).lineComment : '//';
}
