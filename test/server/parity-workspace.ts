/** The workspace of the parity tests: `spdf check` passes on it, so one broken input is what fails it. */
export const MODEL = 'model/req.spdf.yaml';
export const CONFIG = 'version: 1\ncheck:\n  min_coverage: 0\n';

export const BASE: Record<string, string> = {
  'spdf.config.yaml': CONFIG,
  [MODEL]: `requirements:
  - id: REQ-001
    title: Reject unsigned commands
    text: The pump shall reject unsigned dose commands.
    verification: [test]
    tests: [TC-001]
tests:
  - id: TC-001
    title: Unsigned command is rejected
    verifies: [REQ-001]
    result: pass
`,
  'src/a.c': '/* @spdf implements REQ-001 */\nint f(void) { return 0; }\n',
};
