import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      '.nx/**',
      '.cache/**',
      '.switchboard/**',
      'tools/e2e/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
        RED: 'readonly',
        $: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
  {
    // Node-RED editor code runs in the browser: its globals, none of Node's, no Node modules.
    files: ['packages/node-red/src/browser/**/*.ts'],
    languageOptions: {
      globals: { RED: 'readonly', $: 'readonly', window: 'readonly', document: 'readonly' },
    },
    rules: {
      'no-restricted-globals': [
        'error',
        ...['process', 'require', 'module', 'Buffer', '__dirname', '__filename', 'global'].map(
          (name) => ({ name, message: 'Editor code runs in the browser, not in Node.js.' }),
        ),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@switchboard/core',
              message: 'Import a pure module (e.g. @switchboard/core/profiles/values).',
            },
          ],
          patterns: [
            { group: ['node:*'], message: 'Editor code runs in the browser, not in Node.js.' },
          ],
        },
      ],
    },
  },
  prettier,
);
