/** Three tiers share one config: unit specs (*.spec.ts) beside the code, integration specs
 * (*.int-spec.ts) on real Postgres and Redis, end-to-end specs (test/*.e2e-spec.ts). */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
  testRegex: '\\.(spec|int-spec|e2e-spec)\\.ts$',
  // The web app's component specs run under Vitest (npm run test:web-components), in a DOM.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/apps/web/'],
  transform: { '\\.[cm]?[jt]s$': '<rootDir>/test/support/jest-transformer.js' },
  transformIgnorePatterns: [],
  moduleNameMapper: {
    '^@liaison/(platform|event-store|follow-up|audit|routing|views|directory|identity|notifications|meetings|counterparts|files|personal-data|records)$':
      '<rootDir>/libs/$1/src',
    '^@liaison/event-store/(canonical-json|event-hash)$': '<rootDir>/libs/event-store/src/$1',
    '^@liaison/platform/decider(/testing)?$': '<rootDir>/libs/platform/src/decider$1',
    // file-type 21 exports only `import` conditions, which jest's CommonJS resolver skips.
    '^file-type$': '<rootDir>/node_modules/file-type/index.js',
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 30000,
};
