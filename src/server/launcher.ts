// @spdf implements SPDF-LSP-CODE-CACHE
/**
 * Entry of `dist/server.js`: the server itself is `dist/server-main.js`, compiled with V8's code cache of it from the
 * user cache folder (src/node/code-cache.ts: named and sealed by the SHA-256 of the bundle's bytes, any doubt compiles
 * from the text), so a second start skips most of the compile of a 6 MB bundle. The cache is stored once the first
 * index of a trusted workspace is done, when the functions a start runs are compiled.
 */
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { requireBundle } from '../node/code-cache';
import type { StartedServer } from './main';

// V8 rejects code made under other flags: the heap collector's flag (heap-collector.ts) is set before the compile, so
// a cache stored after indexing matches the next start's flags.
setFlagsFromString('--expose-gc');
const bundle = requireBundle(join(__dirname, 'server-main.js'));
// Nothing is written to the user cache for an untrusted workspace (as the CLI's --untrusted).
void (bundle.exports as { started: StartedServer }).started.firstIndex.then(({ trusted }) => trusted && setTimeout(bundle.save, 0));
