// Mocha takes one reporter: this one shows the usual dots on the terminal and writes JUnit XML
// (mocha's xunit reporter) to the file named by `--reporter-option output=FILE`, for the self-check.
'use strict';
const { reporters } = require('mocha');

class DotAndJUnit {
  constructor(runner, options) {
    const reporterOptions = { ...(options.reporterOptions ?? {}), showRelativePaths: true };
    if (!reporterOptions.output) throw new Error('dot-and-junit: --reporter-option output=FILE is required');
    this.dot = new reporters.Dot(runner, options);
    this.junit = new reporters.XUnit(runner, { ...options, reporterOptions });
  }

  done(failures, fn) {
    this.junit.done(failures, fn);
  }
}

module.exports = DotAndJUnit;
