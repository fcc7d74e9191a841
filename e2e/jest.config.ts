/** Browser end-to-end tests (Playwright driving Chromium) against a running app; see e2e/run.sh. */
export default {
  displayName: 'e2e-browser',
  rootDir: '..',
  testEnvironment: 'node',
  roots: ['<rootDir>/e2e'],
  testMatch: ['**/*.pw-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/e2e/tsconfig.json' }] },
  testTimeout: 120000,
};
