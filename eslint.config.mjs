// @ts-check
import tseslint from 'typescript-eslint';

/** Another context may be imported only through its index.ts (house rule 1). */
const contextBoundary = (regex) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [{ regex, message: "Import another context only through its index.ts (e.g. '../../regions')." }] },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'tmp/**', '.nx/**', '.angular/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['backend/**/*.ts', 'migrations/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
  { files: ['backend/src/modules/*/*.ts'], rules: contextBoundary('^\\.\\./[a-z-]+/') },
  { files: ['backend/src/modules/*/*/**/*.ts'], rules: contextBoundary('^\\.\\./\\.\\./[a-z-]+/') },
  {
    files: ['backend/src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/modules/',
              message: 'The platform layer holds no business rules: it must not import a context.',
            },
          ],
        },
      ],
    },
  },
  { files: ['backend/src/cli/**/*.ts', 'scripts/**/*.ts'], rules: { 'no-console': 'off' } },
);
