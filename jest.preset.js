// Shared Jest settings: ts-jest (transpile only; `typecheck` does the types) and the
// workspace path aliases, so tests run against sources without a build.
const path = require('node:path');

const root = __dirname;

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: path.join(root, 'tsconfig.base.json') }],
  },
  moduleNameMapper: {
    '^@switchboard/core$': path.join(root, 'packages/core/src/index.ts'),
    '^@switchboard/core/(.*)$': path.join(root, 'packages/core/src/$1'),
    '^@switchboard/emulator$': path.join(root, 'tools/emulator/src/index.ts'),
    '^@switchboard/testkit$': path.join(root, 'tools/testkit/src/index.ts'),
  },
  testMatch: ['**/*.test.ts'],
  reporters: ['default', path.join(root, 'tools/scripts/jest-results-reporter.js')],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
};
