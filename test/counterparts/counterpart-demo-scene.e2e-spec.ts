import { UserRole } from '@liaison/platform';
import { showCounterpartAnswer } from '../../scripts/demo/counterpart-answer';
import { startTestApi, TestApi, tokenFor } from '../support/api';
import { createWorkshop } from '../support/fixtures';

/** The demo's scene plays through against the test API, so `npm run demo` does not rot. */
describe('demo scene: OpenAI answers through the link (e2e)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('drafts, sends, is answered with a file once, and closes', async () => {
    const workshop = await createWorkshop(api.url);
    const lines: string[] = [];
    await showCounterpartAnswer(
      api.url,
      (role, agency) => tokenFor(role as UserRole, agency),
      { workshopId: workshop.workshopId, infoRequestId: workshop.requestId },
      (line) => lines.push(line),
    );
    const text = lines.join('\n');
    expect(text).toContain(
      'OpenAI opens it: 200 "Information request from Ministry of Science and ICT (MSIT)"; in Korean: 200 "과학기술정보통신부 (MSIT)의 정보 요청 (자료 요청)"',
    );
    expect(text).toContain('OpenAI answers with a file: 200');
    expect(text).toContain('The same link again: 410');
    expect(text).toContain('Still owed to MSIT by OpenAI: nothing');
    expect(text).toContain('matches the bytes OpenAI sent');
    expect(text).toContain('CounterpartRequestClosed');
  });
});
