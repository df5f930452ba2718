import { DirectoryCommands, systemMeta } from '@liaison/directory';
import { freePort } from '../support/free-port';
import {
  OIDC_TEST_CLIENT,
  OIDC_TEST_RESOURCE,
  startOidcProvider,
  TestIdp,
} from '../support/oidc-provider';
import { newContext, seriousViolations } from './support/web-browser';
import { startWebStack, WebStack } from './support/web-stack';

const OIDC_ENV = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_API_AUDIENCE'];

/**
 * The sign-in page's "sign in with" button, against the real oidc-provider harness: shown when
 * the API has OIDC (GET /v1/session/oidc answers 200), and it signs a known person in through
 * the IdP and back to the page they asked for.
 */
describe('web: signing in through the IdP', () => {
  let stack: WebStack;
  let idp: TestIdp;

  beforeAll(async () => {
    const idpPort = await freePort();
    Object.assign(process.env, {
      OIDC_ISSUER: `http://127.0.0.1:${idpPort}`,
      OIDC_CLIENT_ID: OIDC_TEST_CLIENT.clientId,
      OIDC_CLIENT_SECRET: OIDC_TEST_CLIENT.clientSecret,
      OIDC_API_AUDIENCE: OIDC_TEST_RESOURCE,
    });
    stack = await startWebStack('oidc_button');
    idp = await startOidcProvider({
      redirectUri: `${stack.api.url}/v1/session/oidc/callback`,
      port: idpPort,
    });
    await stack.api.app.get(DirectoryCommands).registerPerson(
      {
        login: 'kisa.sso',
        displayName: { ko: '정통합', en: 'Jung SSO' },
        email: 'kisa.sso@liaison.invalid',
        agency: 'KISA',
        roles: ['agency_officer'],
        oidcSubject: 'kisa-sso-sub',
      },
      systemMeta('spec'),
    );
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    await idp?.close();
    for (const name of OIDC_ENV) delete process.env[name];
  });

  it('offers the button and signs in through the IdP, back to the page asked for', async () => {
    const context = await newContext(stack.browser, 'ko-KR');
    const page = await context.newPage();
    try {
      await page.goto(`${stack.api.url}/inbox?scope=mine`);
      const button = page.getByRole('link', { name: '기관 통합 인증(SSO)으로 로그인' });
      await button.waitFor();
      expect(await button.getAttribute('href')).toBe(
        '/v1/session/oidc/start?returnTo=%2Finbox%3Fscope%3Dmine',
      );
      expect(await seriousViolations(page)).toEqual([]);
      idp.signInAs({ sub: 'kisa-sso-sub' });
      await button.click();
      await page.waitForURL(`${stack.api.url}/inbox?scope=mine`);
      await page.getByText('정통합 (KISA)').waitFor();
    } finally {
      await context.close();
    }
  });
});
