// Preloaded (`node --require`) into the measured CLI: at exit, one line on stderr with the process's own
// peak RSS and CPU time (workers included: they are threads of this process).
'use strict';
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nSPDF_BENCH ${JSON.stringify({ maxRssKB: u.maxRSS, userMs: u.userCPUTime / 1000, systemMs: u.systemCPUTime / 1000 })}\n`);
});
