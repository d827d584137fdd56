// Unit tests run the nodes from sources inside node-red-node-test-helper's real Node-RED runtime,
// against the emulator over real HTTP on loopback.
module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'node-red',
  rootDir: __dirname,
  maxWorkers: 1,
  testTimeout: 30000,
};
