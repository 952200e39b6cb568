// @spdf verifies SPDF-FC-WRITE
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic, writeFileAtomicSync } from '../../src/node/atomic-write';
import { derivedWorkspace, loadCommandModules, runBinary } from '../support/derived-replay';

/** Counts the flushes to disk (fsyncSync, FileHandle.sync) made while `run` runs. */
async function flushesOf(run: () => Promise<unknown>): Promise<number> {
  const probe = await fs.promises.open(__filename, 'r');
  const handleProto = Object.getPrototypeOf(probe) as { sync: () => Promise<void> };
  await probe.close();
  const { fsyncSync } = fs;
  const { sync } = handleProto;
  let flushes = 0;
  fs.fsyncSync = (fd) => {
    flushes++;
    return fsyncSync(fd);
  };
  handleProto.sync = function (this: unknown) {
    flushes++;
    return sync.call(this);
  };
  try {
    await run();
  } finally {
    fs.fsyncSync = fsyncSync;
    handleProto.sync = sync;
  }
  return flushes;
}

describe('sealed cache files are written without a flush to disk; every other file is flushed', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(join(tmpdir(), 'spdf-sealed-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const [what, write] of [
    ['writeFileAtomicSync', (file: string, sealed?: boolean) => Promise.resolve(writeFileAtomicSync(file, 'data', sealed ? { sealed } : {}))],
    ['writeFileAtomic', (file: string, sealed?: boolean) => writeFileAtomic(file, 'data', sealed ? { sealed } : {})],
  ] as const) {
    for (const sealed of [false, true]) {
      it(`${what}${sealed ? ' of a sealed file does not flush' : ' flushes once'}, and writes the same bytes`, async () => {
        const file = join(dir, 'out.bin');
        assert.equal(await flushesOf(() => write(file, sealed)), sealed ? 0 : 1);
        assert.equal(fs.readFileSync(file, 'utf8'), 'data');
      });
    }
  }

  it('a cold check writes its caches (code index, findings, result) without a single flush', async () => {
    const ws = derivedWorkspace();
    const cache = join(dir, 'cache');
    await loadCommandModules([['check', '.']]);
    try {
      assert.equal(await flushesOf(() => runBinary(['check', '.', '--cache-location', cache], ws)), 0);
      const written = fs.readdirSync(cache, { recursive: true }).map(String);
      for (const cacheFile of [/^codelinks-v\d+[/\\]\d\d\.json$/, /^findings-v\d+\.json$/, /^results-v\d+[/\\][0-9a-f]+\.bin$/])
        assert.ok(
          written.some((f) => cacheFile.test(f)),
          `${cacheFile} in ${written.join(', ')}`,
        );
    } finally {
      fs.rmSync(ws, { recursive: true, force: true });
    }
  });
});
