/** A model whose system names one CycloneDX SBOM, for the language server's SBOM tests. */
export const SBOM_PATH = 'build/pump.cdx.json';

export const MODEL_NAMING_SBOM = `system:
  id: SYS-PUMP
  name: Pump
  sbom: ${SBOM_PATH}
requirements:
  - id: SEC-REQ-001
    title: Authenticate
    verification: [analysis]
`;
