/**
 * Integration (`*.int-spec.ts`) and HTTP end-to-end (`*.e2e-spec.ts`) tests against the real
 * MariaDB and Redis. globalSetup creates a fresh schema for the run and migrates + seeds it;
 * globalTeardown drops it. Run in band: the tests share one schema and one Redis.
 */
export default {
  displayName: 'backend-int',
  rootDir: '..',
  testEnvironment: 'node',
  roots: ['<rootDir>/backend/test'],
  testMatch: ['**/*.int-spec.ts', '**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/backend/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  globalSetup: '<rootDir>/backend/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/backend/test/support/global-teardown.ts',
  testTimeout: 60000,
};
