import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Mocha root hooks: caches written by tests go to a temporary user cache folder, never the real one. */
const base = mkdtempSync(join(tmpdir(), 'spdf-user-cache-'));
process.env.XDG_CACHE_HOME = base;
process.env.LOCALAPPDATA = base;

export const mochaHooks = {
  afterAll(): void {
    rmSync(base, { recursive: true, force: true });
  },
};
