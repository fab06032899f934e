import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', '.rounds/', 'coverage/', 'adapters/local/page/', '.stryker-tmp/', 'reports/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "ThrowStatement > Literal[value=/./]", message: 'Throw an Error (a RoundsError in the core), never a string.' },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@slack/*', 'botbuilder*', 'bullmq', 'ioredis', 'kysely*', 'pg', 'express', 'pino'], message: 'src/core imports no SDK, queue or database package (DESIGN §4).' },
            { group: ['**/adapters/**', '**/jobs/**', '**/db/**', '**/app/**'], message: 'src/core never imports adapters, jobs, db or app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', URL: 'readonly' } },
  },
);
