/** git without the user's or the system's configuration, with a fixed author and dates: tests' commits are reproducible. */
export const GIT_TEST_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.invalid',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.invalid',
  GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_OPTIONAL_LOCKS: '0',
};

/** In the calling `describe`: the tool asks git (SPDF_NO_GIT unset) for its tests, and the setting is restored after. */
export function askingGit(): void {
  let noGit: string | undefined;
  before(() => {
    noGit = process.env.SPDF_NO_GIT;
    delete process.env.SPDF_NO_GIT;
  });
  after(() => {
    if (noGit !== undefined) process.env.SPDF_NO_GIT = noGit;
  });
}
