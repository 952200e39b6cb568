export { runCodelinksBench, OFT_REFERENCE, type CodelinksBenchOptions, type CodelinksBenchResult } from './run-codelinks-bench';
