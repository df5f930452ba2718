import { ConfigError } from '@liaison/platform';
import { isPublicAddress } from './public-address';
import { WebhookTargetPolicy } from './webhook-target-policy';

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.1',
    '172.16.5.4',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    'not an address',
  ])('%s is not public', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => expect(isPublicAddress(address)).toBe(true),
  );
});

describe('WebhookTargetPolicy', () => {
  const strict = WebhookTargetPolicy.PUBLIC_HTTPS_ONLY;

  it.each([
    ['http://tasks.example/hook', 'https'],
    ['ftp://tasks.example/hook', 'https'],
    ['https://169.254.169.254/latest', 'non-public'],
    ['https://[::1]:8443/', 'non-public'],
    ['https://u:p@tasks.example/', 'credentials'],
  ])('by default refuses %s', (url, problem) => {
    expect(strict.urlProblem(url)).toContain(problem);
  });

  it('by default takes https to a public name or address', () => {
    expect(strict.urlProblem('https://tasks.kisa.example/liaison')).toBeUndefined();
    expect(strict.urlProblem('https://93.184.216.34/hook')).toBeUndefined();
    expect(strict.addressProblem('tasks.kisa.example', '93.184.216.34')).toBeUndefined();
    expect(strict.addressProblem('tasks.kisa.example', '10.0.0.7')).toContain('10.0.0.7');
  });

  it('lets listed hosts, addresses and ranges use http and private addresses', () => {
    const policy = WebhookTargetPolicy.parse('127.0.0.1, receiver.internal, 10.20.0.0/16');
    expect(policy.urlProblem('http://127.0.0.1:4000/kisa')).toBeUndefined();
    expect(policy.urlProblem('http://receiver.internal/kisa')).toBeUndefined();
    expect(policy.addressProblem('receiver.internal', '10.99.0.1')).toBeUndefined();
    expect(policy.urlProblem('http://10.20.3.4/kisa')).toBeUndefined();
    expect(policy.addressProblem('other.example', '10.20.3.4')).toBeUndefined();
    expect(policy.urlProblem('http://10.21.0.1/kisa')).toContain('https');
    expect(policy.addressProblem('other.example', '10.21.0.1')).toContain('non-public');
    expect(policy.addressProblem('other.example', '127.0.0.1')).toBeUndefined();
  });

  it.each(['10.0.0.0/33', 'bad host!', '1.2.3/8'])('refuses the entry "%s" at boot', (raw) => {
    expect(() => WebhookTargetPolicy.parse(raw)).toThrow(ConfigError);
    expect(() => WebhookTargetPolicy.parse(raw)).toThrow('WEBHOOK_ALLOWED_HOSTS');
  });
});
