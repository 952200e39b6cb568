// @spdf verifies SPDF-FC-NEAR-MISS
import { commitIgnored, MORE, WHY } from '../support/tracked-ignored';
import { messageText, startHarness, until } from './harness';
import { BASE } from './parity-workspace';
import { askingGit } from '../support/git-env';

describe('language server: a model file git tracks that .gitignore hides from the walk', () => {
  askingGit();

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
