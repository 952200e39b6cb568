/** FDA premarket cybersecurity guidance, Appendix 1 security control categories. */
export const FDA_CONTROL_CATEGORIES = [
  'authentication',
  'authorization',
  'cryptography',
  'code, data and execution integrity',
  'confidentiality',
  'event detection and logging',
  'resiliency and recovery',
  'updatability and patchability',
] as const;

/** FDA section V.B.2 architecture views expected for a cyber device. */
export const FDA_ARCHITECTURE_VIEWS = ['global', 'multi_patient', 'updatability', 'security_use_cases'] as const;
