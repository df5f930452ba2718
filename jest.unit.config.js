/** The unit tier alone: `*.spec.ts` beside the code, no Postgres, no Redis, so no globalSetup.
 * It takes everything else (transformer, module paths) from the main config. */
const { globalSetup: _servicesFirst, ...shared } = require('./jest.config');

module.exports = {
  ...shared,
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testRegex: '\\.spec\\.ts$',
};
