export const STRIDE = {
  S: 'Spoofing',
  T: 'Tampering',
  R: 'Repudiation',
  I: 'Information disclosure',
  D: 'Denial of service',
  E: 'Elevation of privilege',
} as const;
export type StrideLetter = keyof typeof STRIDE;
export const STRIDE_LETTERS = Object.keys(STRIDE) as StrideLetter[];
