import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * Argon2id at m = 19 MiB, t = 2, p = 1: OWASP's first recommended setting (Password Storage
 * Cheat Sheet), the least memory it accepts at two passes. Why not stronger: this service runs on
 * two cores shared with everything else it does; each sign-in costs one hash of about this size
 * on the libuv pool, and bench:auth measures what that allows (sign-ins per second). More memory
 * per hash (46 MiB at t = 1) costs about the same time, so the figure would barely move, but four
 * concurrent sign-ins would hold 184 MiB instead of 76. p = 1: the lanes would compete for the
 * same two cores. The parameters travel inside each stored hash (PHC string), so raising them
 * later only needs new hashes at the next password change; old ones still verify.
 */
export const ARGON2_PARAMETERS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19_456, // KiB
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMETERS);
}

/** False for a wrong password and for a hash that is not one (never throws for either). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * A hash at the same parameters that no password matches, to verify against when the name is
 * unknown (or has no password): the answer then takes as long as for a wrong password, and the
 * time tells nobody which names exist. Made once per process.
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`no-such-account-${Math.random()}`);
  return dummy;
}
