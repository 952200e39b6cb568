export { runCodelinksBench, type CodelinksBenchOptions, type CodelinksBenchResult } from './run-codelinks-bench';
