import { passwordProblem, PASSWORD_MAX_LENGTH } from './password-policy';

describe('passwordProblem', () => {
  it.each([
    ['a long passphrase', 'correct horse battery staple'],
    ['a Korean passphrase of twelve characters', '우리 회의는 목요일 오후 세 시'],
    ['exactly the minimum', 'x7!kQ2#mZp9w'],
  ])('accepts %s', (_case, password) => {
    expect(passwordProblem(password, 12, 'kisa.officer')).toBeUndefined();
  });

  it.each<[string, string, string]>([
    ['too short', 'short-pass', 'must be at least 12 characters'],
    [
      'too long',
      'x'.repeat(PASSWORD_MAX_LENGTH + 1),
      `must be at most ${PASSWORD_MAX_LENGTH} characters`,
    ],
    ['on the common list', 'Administrator', 'is one of the most common passwords'],
    ['common with digits added', 'password123456', 'is one of the most common passwords'],
    [
      'common in capitals with symbols added',
      'Welcome!!!!!!',
      'is one of the most common passwords',
    ],
    ['the Korean keyboard favourite', '1q2w3e4r5t!!', 'is one of the most common passwords'],
    ['digits only', '123456789012345', 'is one of the most common passwords'],
    ['one character repeated', 'aaaaaaaaaaaaaa', 'must not repeat one character'],
    ['the login inside', 'my-KISA.OFFICER-pass', 'must not contain the login name'],
  ])('refuses one %s', (_case, password, problem) => {
    expect(passwordProblem(password, 12, 'kisa.officer')).toBe(problem);
  });

  it('counts characters, not bytes', () => {
    expect(passwordProblem('가나다라마바사아자차카타', 12)).toBeUndefined();
    expect(passwordProblem('가나다라마바사아자차카', 12)).toBe('must be at least 12 characters');
  });
});
