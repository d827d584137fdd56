module.exports = { ...require('../../jest.preset.js'), displayName: 'n8n', rootDir: __dirname };
