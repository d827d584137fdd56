// Real Node-RED / real n8n suites: one at a time (2-core machines), generous timeouts because
// they start real servers; no timing assertions.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'e2e',
  rootDir: __dirname,
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 300000,
  maxWorkers: 1,
};
