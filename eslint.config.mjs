import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Code in src/shared runs everywhere and src/renderer runs in a sandboxed page: neither may reach
// for Node or Electron. The rule keeps the layering honest (as VS Code does for its common/ code).
const nodeOnly = {
  patterns: [
    {
      group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'zlib', 'worker_threads'],
      message: 'Node modules belong in src/main.',
    },
    { group: ['electron', 'better-sqlite3', 'ws'], message: 'Electron and native modules belong in src/main.' },
    { group: ['**/main/**', '../main/*'], message: 'Import main-process code only from src/main.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'build/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts', 'src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': ['error', nodeOnly] },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Main-process services stay Electron-free; only src/main/electron may import it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs', 'bin/**'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
