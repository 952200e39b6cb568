// @spdf verifies SPDF-FC-NEAR-MISS
import { commitIgnored, MORE, WHY } from '../support/tracked-ignored';
import { messageText, startHarness, until } from './harness';
import { BASE } from './parity-workspace';

describe('language server: a model file git tracks that .gitignore hides from the walk', () => {
  let noGit: string | undefined;
  before(() => {
    noGit = process.env.SPDF_NO_GIT;
    delete process.env.SPDF_NO_GIT;
  });
  after(() => {
    if (noGit !== undefined) process.env.SPDF_NO_GIT = noGit;
  });

  it('is an error on spdf.config.yaml', async function () {
    this.timeout(30000);
    const h = await startHarness({ ...BASE, '.gitignore': 'gen/\n', 'gen/more.spdf.yaml': MORE }, { prepare: commitIgnored });
    try {
      const config = h.uri('spdf.config.yaml');
      await until('the problem on spdf.config.yaml', () => (h.diagnostics.get(config) ?? []).some((d) => d.severity === 1 && WHY.test(messageText(d))));
    } finally {
      await h.close();
    }
  });
});
