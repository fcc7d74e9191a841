import type { Config } from 'jest';
import { createCjsPreset } from 'jest-preset-angular/presets';

const preset = createCjsPreset({ tsconfig: '<rootDir>/tsconfig.spec.json' });

const config: Config = {
  ...preset,
  displayName: 'frontend',
  rootDir: __dirname,
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  moduleNameMapper: {
    '^@diandan/access$': '<rootDir>/../backend/src/platform/access/permissions.ts',
    '^@diandan/credit-code$': '<rootDir>/../backend/src/modules/organisations/domain/credit-code.ts',
    '^@diandan/time$': '<rootDir>/../backend/src/platform/i18n/beijing-time.ts',
  },
  // Angular, ng-zorro and echarts ship ES modules (.mjs, and .js for Angular locale data): transform them.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|@angular/common/locales/|echarts/|zrender/|tslib/))'],
  coverageDirectory: '<rootDir>/../coverage/frontend',
};

export default config;
