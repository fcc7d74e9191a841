/** Unit tests: pure domain rules, no I/O (`*.spec.ts` beside the code). */
export default {
  displayName: 'backend-unit',
  rootDir: '..',
  testEnvironment: 'node',
  roots: ['<rootDir>/backend/src'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/backend/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
};
