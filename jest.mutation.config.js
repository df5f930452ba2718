/** What `npm run test:mutation` runs for each mutant: the unit specs of the mutated groups
 * (deciders and policies, auth, the hash contract). A static mutant (a module-level constant,
 * such as a pattern) reruns every spec in this list, so it stays short; a run scoped to one
 * group with `--mutate` can narrow it further with MUTATION_AREA=deciders|auth|hashing (on a
 * shared machine a hashing static mutant then reruns the contract's specs, not the deciders'). */
const unit = require('./jest.unit.config');

const AREAS = {
  deciders: ['<rootDir>/libs/follow-up/src/domain'],
  auth: ['<rootDir>/libs/platform/src/auth'],
  hashing: ['<rootDir>/libs/event-store/src', '<rootDir>/libs/audit/src/hashing'],
};

const area = process.env.MUTATION_AREA;
if (area !== undefined && !Object.hasOwn(AREAS, area)) {
  throw new Error(`MUTATION_AREA must be one of ${Object.keys(AREAS).join(', ')}`);
}

module.exports = {
  ...unit,
  roots: area ? AREAS[area] : Object.values(AREAS).flat(),
};
