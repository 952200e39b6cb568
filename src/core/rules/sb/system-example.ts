/** A complete cyber-device `system` for SB examples (every SB rule silent on it). */
export const CYBER_SYSTEM = `system:
  id: SYS-PUMP
  name: Smart infusion system
  cyber_device: true
  views:
    global: docs/views/global.drawio
    multi_patient: docs/views/multi-patient.drawio
    updatability: docs/views/updatability.drawio
    security_use_cases: [docs/views/uc-pairing.drawio]
  postmarket: {plan: docs/postmarket-plan.md, cvd: "https://example.com/security"}
`;
