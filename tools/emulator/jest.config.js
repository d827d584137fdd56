module.exports = {
  ...require('../../jest.preset.js'),
  displayName: 'emulator',
  rootDir: __dirname,
};
