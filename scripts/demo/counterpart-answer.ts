/**
 * The week's last outcome: MSIT asked OpenAI to share information on AI security threats. MSIT's
 * bureau head drafts the request from the workshop's info request and sends it: a signed link
 * that expires and works once. OpenAI opens the page (no account; English, or Korean), confirms
 * receipt and answers with a file; the link is then used up. MSIT sees nothing more is owed,
 * reads what was shared and when (names, sizes, SHA-256), and closes the request.
 */
import { createHash } from 'node:crypto';
import { ApiClient } from './api-client';
import { renderTable } from './board-table';
import { TokenFor } from './workshop-scenario';

interface Detail {
  status: string;
  answers: {
    at: string;
    text: string;
    complete: boolean;
    files: { name: string; size: number; sha256: string; mediaType: string }[];
  }[];
  history: { version: number; type: string; at: string; actor: string }[];
}

const INDICATORS = [
  'indicator,kind,first_seen,note',
  'phish-kit-llm-042,phishing kit,2026-11-02,lures written by a language model',
  'acct-cluster-7,account cluster,2026-11-09,automated reconnaissance requests',
  '',
].join('\n');

export async function showCounterpartAnswer(
  baseUrl: string,
  tokenFor: TokenFor,
  source: { workshopId: string; infoRequestId: string },
  log: (line: string) => void,
): Promise<void> {
  const msit = new ApiClient(baseUrl, tokenFor('bureau_head', 'MSIT'));
  log("MSIT's request to OpenAI (정보 요청), answered through a signed link");
  const { id } = await msit.ok<{ id: string }>('POST', '/v1/counterpart-requests', {
    ...source,
    message:
      'Please share the indicators of AI-enabled threats you observed this month ' +
      '(이번 달 관찰한 AI 악용 위협 지표를 공유해 주십시오).',
  });
  const dueAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
  const sent = await msit.ok<{ link: { url: string; expiresAt: string } }>(
    'POST',
    `/v1/counterpart-requests/${id}/send`,
    { dueAt },
  );
  // The link's address names APP_URL; the demo's API listens on a port of its own.
  const page = `${baseUrl}${new URL(sent.link.url).pathname}`;
  log(`Sent, due ${dueAt.slice(0, 10)}; the link works once, until ${sent.link.expiresAt}:`);
  log(`  ${page}`);

  const open = async (lang: string) => {
    const res = await fetch(page, { headers: { 'accept-language': lang } });
    const title = /<h1>([^<]*)<\/h1>/.exec(await res.text())?.[1];
    return `${res.status} "${title}"`;
  };
  log(`OpenAI opens it: ${await open('en-US')}; in Korean: ${await open('ko-KR')}`);
  const ack = await fetch(`${page}/acknowledge`, { method: 'POST', body: new FormData() });
  log(`OpenAI confirms receipt: ${ack.status}`);

  const form = new FormData();
  form.append('text', 'Our indicators for November are attached. We will send updates monthly.');
  form.append(
    'files',
    new Blob([INDICATORS], { type: 'text/csv' }),
    'openai-indicators-2026-11.csv',
  );
  form.append('complete', 'yes');
  const answered = await fetch(page, { method: 'POST', body: form });
  log(`OpenAI answers with a file: ${answered.status}`);
  const again = new FormData();
  again.append('text', 'once more');
  const reused = await fetch(page, { method: 'POST', body: again });
  log(`The same link again: ${reused.status} (used up)`);

  const owed = await msit.ok<{ items: { id: string }[] }>(
    'GET',
    '/v1/counterpart-requests?status=open',
  );
  log(`Still owed to MSIT by OpenAI: ${owed.items.some((i) => i.id === id) ? 'yes' : 'nothing'}`);
  const detail = await msit.ok<Detail>('GET', `/v1/counterpart-requests/${id}`);
  const file = detail.answers[0].files[0];
  const expected = createHash('sha256').update(INDICATORS).digest('hex');
  log(
    `Shared: ${file.name}, ${file.size} bytes, ${file.mediaType}, SHA-256 ${file.sha256.slice(0, 16)}… ` +
      `(${file.sha256 === expected ? 'matches the bytes OpenAI sent' : 'DOES NOT MATCH'})`,
  );
  await msit.ok('POST', `/v1/counterpart-requests/${id}/close`, {
    outcome: 'answered',
    reason: 'Indicators received',
  });
  const history = await msit.ok<Detail>('GET', `/v1/counterpart-requests/${id}`);
  log('What was shared and when, from the log:');
  for (const line of renderTable(
    ['v', 'event', 'by', 'at'],
    history.history.map((e) => [String(e.version), e.type, e.actor, e.at]),
  ).split('\n')) {
    log(`  ${line}`);
  }
}
