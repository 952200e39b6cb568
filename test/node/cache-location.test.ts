import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userCacheBase, workspaceCacheDir } from '../../src/node/cache-location';
import { checkPath } from '../../src/node/workspace';
import { tempWorkspace } from '../support/cli';

const MODEL = 'requirements:\n  - {id: SEC-REQ-001, text: The pump shall authenticate commands.}\n';
const CODE = 'def auth():\n    # @spdf implements SEC-REQ-001\n    return True\n';

function withXdg<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const prev = process.env.XDG_CACHE_HOME;
  process.env.XDG_CACHE_HOME = dir;
  return fn().finally(() => (process.env.XDG_CACHE_HOME = prev));
}

describe('cache location', () => {
  it('follows the platform conventions for the user cache folder', () => {
    assert.equal(userCacheBase({ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/home/u'), '/x/cache/spdf-workbench');
    assert.equal(userCacheBase({ XDG_CACHE_HOME: 'relative/cache' }, 'linux', '/home/u'), '/home/u/.cache/spdf-workbench');
    assert.equal(userCacheBase({}, 'linux', '/home/u'), '/home/u/.cache/spdf-workbench');
    assert.equal(userCacheBase({ XDG_CACHE_HOME: '/x/cache' }, 'darwin', '/Users/u'), '/Users/u/Library/Caches/spdf-workbench');
    assert.equal(userCacheBase({ LOCALAPPDATA: 'D:\\Local' }, 'win32', 'C:\\Users\\u'), 'D:\\Local\\spdf-workbench\\Cache');
    assert.equal(userCacheBase({}, 'win32', 'C:\\Users\\u'), 'C:\\Users\\u\\AppData\\Local\\spdf-workbench\\Cache');
  });

  it('gives each workspace root its own folder, by real path, unless a location is given', () => {
    const env = { XDG_CACHE_HOME: '/x/cache' };
    const a = tempWorkspace({ 'm.spdf.yaml': MODEL });
    const b = tempWorkspace({ 'm.spdf.yaml': MODEL });
    const link = join(mkdtempSync(join(tmpdir(), 'spdf-link-')), 'a');
    symlinkSync(a, link);
    assert.match(workspaceCacheDir(a, undefined, env), /^\/x\/cache\/spdf-workbench\/workspaces\/[0-9a-f]{32}$/);
    assert.notEqual(workspaceCacheDir(a, undefined, env), workspaceCacheDir(b, undefined, env));
    assert.equal(workspaceCacheDir(link, undefined, env), workspaceCacheDir(a, undefined, env));
    assert.equal(workspaceCacheDir(a, '/elsewhere/cache', env), '/elsewhere/cache');
  });

  it('checkPath writes its caches to the user cache folder (XDG_CACHE_HOME), never into the workspace', async () => {
    const root = tempWorkspace({ 'm.spdf.yaml': MODEL, 'src/auth.py': CODE });
    const xdg = mkdtempSync(join(tmpdir(), 'spdf-xdg-'));
    await withXdg(xdg, () => checkPath(root));
    assert.equal(existsSync(join(root, '.spdf-cache')), false);
    const [folder] = readdirSync(join(xdg, 'spdf-workbench', 'workspaces'));
    assert.deepEqual(readdirSync(join(xdg, 'spdf-workbench', 'workspaces', folder)).sort(), ['codelinks-v5', 'findings-v1.bin']);
  });

  it('checkPath honours cacheLocation', async () => {
    const root = tempWorkspace({ 'm.spdf.yaml': MODEL, 'src/auth.py': CODE });
    const xdg = mkdtempSync(join(tmpdir(), 'spdf-xdg-'));
    const location = join(mkdtempSync(join(tmpdir(), 'spdf-loc-')), 'nested');
    await withXdg(xdg, () => checkPath(root, { cacheLocation: location }));
    assert.deepEqual(readdirSync(location).sort(), ['codelinks-v5', 'findings-v1.bin']);
    assert.deepEqual(readdirSync(xdg), []);
  });

  it('an untrusted check never touches any cache folder', async () => {
    const root = tempWorkspace({ 'm.spdf.yaml': MODEL, 'src/auth.py': CODE });
    const xdg = mkdtempSync(join(tmpdir(), 'spdf-xdg-'));
    const location = join(mkdtempSync(join(tmpdir(), 'spdf-loc-')), 'nested');
    const check = await withXdg(xdg, async () => {
      await checkPath(root, { trusted: false });
      return checkPath(root, { trusted: false, cacheLocation: location });
    });
    assert.equal(check.inputs.code?.files.length, 1, 'the code was indexed');
    assert.deepEqual(readdirSync(xdg), []);
    assert.equal(existsSync(location), false);
    assert.equal(existsSync(join(root, '.spdf-cache')), false);
  });
});
