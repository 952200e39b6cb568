/** The files `spdf init` writes: a config and a small model that lints clean (a test keeps it so). */
export const STARTER_FILES: Record<string, string> = {
  'spdf.config.yaml': `# SPDF Workbench configuration: https://github.com/ (see the README of spdf-workbench)
version: 1
profile: recommended
include: ["**/*.spdf.yaml"]
# Reviews of code links (spdf review). Named here, a missing lock is an error instead of "nothing reviewed".
lock_file: spdf.lock.json
rules: {}
`,
  'spdf.lock.json': '{\n  "version": 1,\n  "links": []\n}\n',
  'model/system.spdf.yaml': `spdf: "0.1"
system:
  id: SYS-MY-DEVICE
  name: My connected device
  cyber_device: false
hazards:
  - id: HAZ-001
    hazard: Incorrect therapy
    harm: Injury
    severity: 4
    rmf_ref: RMF-001
`,
};
