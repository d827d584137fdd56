// Shared Jest settings: ts-jest (transpile only; `typecheck` does the types) and the
// workspace path aliases, so tests run against sources without a build.
const path = require('node:path');
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.base.json');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(root, 'tsconfig.base.json') }],
  },
  // One source of truth for the aliases: tsconfig.base.json's `paths`.
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: `${root}/` }),
  testMatch: ['**/*.test.ts'],
  reporters: ['default', path.join(root, 'tools/scripts/jest-results-reporter.js')],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
