import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CACHE_INSIDE_WORKSPACE, cacheLocationInside, userCacheBase, workspaceCacheDir } from '../../src/node/cache-location';
import { CODE_INDEX_CACHE_DIR } from '../../src/node/codeindex/code-index-cache';
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
    assert.match(workspaceCacheDir(a, undefined, env) ?? '', /^\/x\/cache\/spdf-workbench\/workspaces\/[0-9a-f]{32}$/);
    assert.notEqual(workspaceCacheDir(a, undefined, env), workspaceCacheDir(b, undefined, env));
    assert.equal(workspaceCacheDir(link, undefined, env), workspaceCacheDir(a, undefined, env));
    assert.equal(workspaceCacheDir(a, '/elsewhere/cache', env), '/elsewhere/cache');
  });

  it('gives no cache folder inside the workspace, however the location names it', () => {
    const root = tempWorkspace({ 'spdf.config.yaml': 'profile: all\n', 'm.spdf.yaml': MODEL, 'sub/x.py': CODE });
    const outside = mkdtempSync(join(tmpdir(), 'spdf-outside-'));
    const link = join(outside, 'link');
    symlinkSync(root, link);
    for (const inside of [join(root, '.cache'), join(root, 'not', 'made', 'yet'), root, join(link, '.cache'), join(root, 'sub', '..', '.c')])
      assert.equal(workspaceCacheDir(root, inside), undefined, inside);
    assert.equal(workspaceCacheDir(root, undefined, { XDG_CACHE_HOME: join(root, '.xdg') }), undefined, 'a user cache folder inside the workspace');
    assert.equal(workspaceCacheDir(root, join(outside, 'c')), join(outside, 'c'));
    assert.equal(cacheLocationInside(join(root, '.cache'), [join(root, 'sub')]), realpathSync(root), 'a folder of the workspace names its root');
    assert.equal(cacheLocationInside(join(outside, 'c'), [join(root, 'sub'), root]), undefined);
  });

  it('checkPath given a cache location inside the workspace reads and writes no cache there, and says so', async () => {
    const root = tempWorkspace({ 'm.spdf.yaml': MODEL, 'src/auth.py': CODE });
    mkdirSync(join(root, 'build'));
    const check = await checkPath(root, { cacheLocation: join(root, 'build', 'cache') });
    assert.equal(existsSync(join(root, 'build', 'cache')), false);
    assert.deepEqual(
      check.notes.filter((n) => n.reason === CACHE_INSIDE_WORKSPACE),
      [{ path: join(root, 'build', 'cache'), reason: CACHE_INSIDE_WORKSPACE }],
    );
  });

  it('checkPath writes its caches to the user cache folder (XDG_CACHE_HOME), never into the workspace', async () => {
    const root = tempWorkspace({ 'm.spdf.yaml': MODEL, 'src/auth.py': CODE });
    const xdg = mkdtempSync(join(tmpdir(), 'spdf-xdg-'));
    await withXdg(xdg, () => checkPath(root));
    assert.equal(existsSync(join(root, '.spdf-cache')), false);
    const [folder] = readdirSync(join(xdg, 'spdf-workbench', 'workspaces'));
    assert.deepEqual(readdirSync(join(xdg, 'spdf-workbench', 'workspaces', folder)).sort(), ['code-findings-v3.json', CODE_INDEX_CACHE_DIR, 'findings-v3.json']);
  });

  it('checkPath honours cacheLocation', async () => {
    const root = tempWorkspace({ 'm.spdf.yaml': MODEL, 'src/auth.py': CODE });
    const xdg = mkdtempSync(join(tmpdir(), 'spdf-xdg-'));
    const location = join(mkdtempSync(join(tmpdir(), 'spdf-loc-')), 'nested');
    await withXdg(xdg, () => checkPath(root, { cacheLocation: location }));
    assert.deepEqual(readdirSync(location).sort(), ['code-findings-v3.json', CODE_INDEX_CACHE_DIR, 'findings-v3.json']);
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
