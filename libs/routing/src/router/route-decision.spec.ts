import { AgencyInfo } from '@liaison/follow-up';
import { decideRoute } from './route-decision';

const agency = (code: string, extra: Partial<AgencyInfo> = {}): [string, AgencyInfo] => [
  code,
  { code, name: code, kind: 'agency', active: true, ...extra },
];
const directory = new Map<string, AgencyInfo>([
  agency('MSIT'),
  agency('KISA'),
  agency('MOFA'),
  agency('OLD', { active: false }),
  agency('OPENAI', { kind: 'counterpart' }),
  agency('ANTHROPIC', { kind: 'counterpart', liaisonAgency: 'MOFA' }),
  agency('GHOST', { kind: 'counterpart', liaisonAgency: 'OLD' }),
]);

describe('decideRoute', () => {
  it('routes an agency’s task to its own queue', () => {
    expect(decideRoute('KISA', 'MSIT', directory)).toEqual({
      kind: 'route',
      agency: 'KISA',
      queueAgency: 'KISA',
    });
  });

  it('routes work addressed to a counterpart to the host agency by default', () => {
    expect(decideRoute('OPENAI', 'MSIT', directory)).toMatchObject({ queueAgency: 'MSIT' });
  });

  it('routes work addressed to a counterpart to the liaison agency named in the directory', () => {
    expect(decideRoute('ANTHROPIC', 'MSIT', directory)).toMatchObject({
      kind: 'route',
      agency: 'ANTHROPIC',
      queueAgency: 'MOFA',
    });
  });

  it('fails for an agency that is not in the directory', () => {
    expect(decideRoute('NOPE', 'MSIT', directory)).toEqual({
      kind: 'fail',
      agency: 'NOPE',
      reason: 'NOPE is not in the agency directory',
    });
  });

  it('fails for an inactive agency', () => {
    expect(decideRoute('OLD', 'MSIT', directory)).toMatchObject({
      kind: 'fail',
      reason: 'OLD is not active',
    });
  });

  it('fails when the liaison agency is inactive', () => {
    expect(decideRoute('GHOST', 'MSIT', directory)).toMatchObject({
      kind: 'fail',
      reason: 'OLD is not active',
    });
  });
});
