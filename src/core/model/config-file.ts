/** The workspace's configuration file; the folder holding it is the workspace root. */
export const CONFIG_FILE = 'spdf.config.yaml';
