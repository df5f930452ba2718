import { COMMON_PASSWORDS } from './common-passwords';

/** The longest password taken: Argon2 would take more, but nobody types this much. */
export const PASSWORD_MAX_LENGTH = 256;

const common = new Set(COMMON_PASSWORDS);

/**
 * Why a new password is refused, or undefined when it is acceptable. NIST SP 800-63B's rules
 * rather than composition rules: long enough, not on the list of passwords everyone tries first,
 * not the login itself. Length counts characters (code points), so a Korean passphrase is
 * measured as it is typed.
 */
export function passwordProblem(
  password: string,
  minLength: number,
  login?: string,
): string | undefined {
  const length = [...password].length;
  if (length < minLength) return `must be at least ${minLength} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters`;
  const folded = password.normalize('NFKC').toLowerCase();
  const stem = folded.replace(/[\d\p{P}\p{S}\s]+$/u, '');
  if (stem === '' || common.has(folded) || common.has(stem)) {
    return 'is one of the most common passwords';
  }
  if (/^(.)\1*$/u.test(folded)) return 'must not repeat one character';
  if (login && folded.includes(login.toLowerCase())) return 'must not contain the login name';
  return undefined;
}
