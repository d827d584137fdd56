// Writes each Jest run's totals to $SWITCHBOARD_JEST_RESULTS so `npm test` can print one
// closing "N passed, N failed" line for the whole repo.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

class ResultsReporter {
  constructor(globalConfig) {
    this.name = globalConfig.rootDir.replace(/[^a-z0-9]+/gi, '_');
  }

  onRunComplete(_contexts, results) {
    const dir = process.env.SWITCHBOARD_JEST_RESULTS;
    if (!dir) return;
    const { numPassedTests, numFailedTests } = results;
    writeFileSync(
      join(dir, `${this.name}.json`),
      JSON.stringify({ numPassedTests, numFailedTests }),
    );
  }
}

module.exports = ResultsReporter;
