import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', '.data', 'tmp', 'test/fixtures', 'bench-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration from server/config.ts.' }],
    },
  },
  {
    // Only the config module, entry points, scripts and tests may read the environment.
    files: ['server/config.ts', 'server/worker.ts', 'scripts/**', 'e2e/**', 'test/**', '**/*.test.ts', '**/*.test.tsx', 'vitest.config.ts', 'vite.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // The emulator is a dev/test stand-in: the product must never import it.
    files: ['server/**', 'client/**'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ group: ['**/scripts/**'], message: 'server/ and client/ never import scripts/.' }] }] },
  },
);
