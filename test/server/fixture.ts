/** A small workspace for the server tests: model YAML, a tagged C file, a test file, an evidence file. */
import { startHarness, until, type Harness } from './harness';

export const MODEL = `zones:
  - id: Z-DEVICE
    name: Pump device zone
    class: device
assets:
  - id: AST-PUMP
    name: Pump firmware
    kind: component
    zone: Z-DEVICE
threats:
  - id: THR-001
    title: Spoofed dose command
    targets: [AST-PUMP]
    hazards: [HAZ-001]
    controls: [CTRL-001]
hazards:
  - id: HAZ-001
    hazard: Over-infusion
    severity: 5
controls:
  - id: CTRL-001
    title: Signed dose commands
    type: technical
    threats: [THR-001]
requirements:
  - id: SEC-REQ-001
    title: Authenticate dose commands
    text: The pump shall reject unsigned dose commands.
    controls: [CTRL-001]
    derived_from: [THR-001]
    tests: [TC-001]
  - id: SEC-REQ-002
    title: Log rejected commands
    text: The pump shall log every rejected command.
    controls: [CTRL-404]
tests:
  - id: TC-001
    title: Unsigned command is rejected
    verifies: [SEC-REQ-001]
    result: pass
    evidence: reports/tc-001.xml
`;

export const C_FILE = `/* Dose command handling. */
#include <stdint.h>

/* @spdf implements SEC-REQ-001 */
int verify_signature(const uint8_t *msg, int len)
{
    return len > 0 && msg[0] == 0x5a;
}

// @spdf implements CTRL-001
int apply_dose(int rate)
{
    return rate * 2;
}
`;

export const FILES: Record<string, string> = {
  'spdf.config.yaml': 'version: 1\nprofile: recommended\n',
  'model/pump.spdf.yaml': MODEL,
  'src/dose.c': C_FILE,
  'reports/tc-001.xml': '<testsuite/>\n',
};

/** The fixture's model file and C file, as the server tests open them. */
export const YAML = 'model/pump.spdf.yaml';
export const C = 'src/dose.c';

/** A server over FILES with the model and the C file open, after its first complete index (model findings come earlier). */
export async function startWithFixtureOpen(): Promise<Harness> {
  const h = await startHarness(FILES);
  await h.open(YAML);
  await h.open(C);
  await h.waitDiagnostics(YAML, (d) => d.length > 0);
  await until('the first complete status', () => h.notifications.some((n) => n.method === 'spdf/status' && (n.params as { indexing: boolean }).indexing === false));
  return h;
}
