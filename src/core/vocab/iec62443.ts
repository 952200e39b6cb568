/** IEC 62443-3-3 foundational requirements and system requirement IDs with short titles (never clause text). */
export const FOUNDATIONAL_REQUIREMENTS = {
  FR1: 'Identification and authentication control',
  FR2: 'Use control',
  FR3: 'System integrity',
  FR4: 'Data confidentiality',
  FR5: 'Restricted data flow',
  FR6: 'Timely response to events',
  FR7: 'Resource availability',
} as const;
export type FR = keyof typeof FOUNDATIONAL_REQUIREMENTS;
export const FRS = Object.keys(FOUNDATIONAL_REQUIREMENTS) as FR[];

const titles: Record<FR, string[]> = {
  FR1: [
    'Human user identification and authentication',
    'Software process and device identification and authentication',
    'Account management',
    'Identifier management',
    'Authenticator management',
    'Wireless access management',
    'Strength of password-based authentication',
    'Public key infrastructure certificates',
    'Strength of public key authentication',
    'Authenticator feedback',
    'Unsuccessful login attempts',
    'System use notification',
    'Access via untrusted networks',
  ],
  FR2: [
    'Authorization enforcement',
    'Wireless use control',
    'Use control for portable and mobile devices',
    'Mobile code',
    'Session lock',
    'Remote session termination',
    'Concurrent session control',
    'Auditable events',
    'Audit storage capacity',
    'Response to audit processing failures',
    'Timestamps',
    'Non-repudiation',
  ],
  FR3: [
    'Communication integrity',
    'Malicious code protection',
    'Security functionality verification',
    'Software and information integrity',
    'Input validation',
    'Deterministic output',
    'Error handling',
    'Session integrity',
    'Protection of audit information',
  ],
  FR4: ['Information confidentiality', 'Information persistence', 'Use of cryptography'],
  FR5: ['Network segmentation', 'Zone boundary protection', 'General purpose person-to-person communication restrictions', 'Application partitioning'],
  FR6: ['Audit log accessibility', 'Continuous monitoring'],
  FR7: [
    'Denial of service protection',
    'Resource management',
    'Control system backup',
    'Control system recovery and reconstitution',
    'Emergency power',
    'Network and security configuration settings',
    'Least functionality',
    'Control system component inventory',
  ],
};

export interface SystemRequirement {
  id: string;
  fr: FR;
  title: string;
}

export const SYSTEM_REQUIREMENTS: SystemRequirement[] = FRS.flatMap((fr, f) => titles[fr].map((title, i) => ({ id: `SR ${f + 1}.${i + 1}`, fr, title })));

const BY_ID = new Map(SYSTEM_REQUIREMENTS.map((sr) => [sr.id, sr]));

/**
 * Accepts `SR 1.1`, `SR1.1`, and requirement enhancements `SR 1.1 RE 2` / `SR 1.1(2)`, without checking that the SR
 * has that RE: use `lookupSrRe` (iec62443-3-3.ts) to validate against the catalogue.
 */
export function parseSrId(text: string): { sr: SystemRequirement; re?: number } | undefined {
  const m = /^SR\s*(\d)\.(\d{1,2})(?:\s*(?:RE\s*|\()(\d{1,2})\)?)?$/i.exec(text.trim());
  if (!m) return undefined;
  const sr = BY_ID.get(`SR ${m[1]}.${Number(m[2])}`);
  return sr ? { sr, re: m[3] ? Number(m[3]) : undefined } : undefined;
}
