// The workspace rules plus n8n's community-node lint (what @n8n/node-cli runs), which checks
// the shipped code (credentials, nodes, lib) and package.json.
import tseslint from 'typescript-eslint';
import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import root from '../../eslint.config.mjs';

const shipped = ['credentials/**/*.ts', 'nodes/**/*.ts', 'lib/**/*.ts'];

export default tseslint.config(
  // publish/ is generated (publish.mjs) and linted there by n8n's own `n8n-node lint`.
  { ignores: ['publish/**'] },
  ...root,
  { ...n8nCommunityNodesPlugin.configs.recommended, files: [...shipped, 'package.json'] },
  {
    files: ['package.json'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { extraFileExtensions: ['.json'] },
    },
    // package.json is parsed as an expression for n8n's rules; the code rules do not apply.
    rules: { '@typescript-eslint/no-unused-expressions': 'off' },
  },
);
