/** What `npm run test:mutation` runs for each mutant: the unit specs of the mutated groups
 * (deciders and policies, auth, the hash contract). A static mutant (a module-level constant,
 * such as a pattern) reruns every spec in this list, so it stays short. */
const unit = require('./jest.unit.config');

module.exports = {
  ...unit,
  roots: [
    '<rootDir>/libs/follow-up/src/domain',
    '<rootDir>/libs/platform/src/auth',
    '<rootDir>/libs/event-store/src',
    '<rootDir>/libs/audit/src/hashing',
  ],
};
