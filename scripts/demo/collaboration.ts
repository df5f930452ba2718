/**
 * The demo's collaboration scene: MSIT gives KISA a task, the two sides talk it through in
 * comments (each mentioning the other by login), KISA answers with a file, and the download is
 * checked against the hash the log recorded. Another agency's officer is shown a 404.
 */
import { createHash } from 'node:crypto';
import { ApiClient, ApiError, Credential } from './api-client';
import { TokenFor } from './workshop-scenario';

interface Upload {
  fileId: string;
  sha256: string;
  size: number;
  mediaType: string;
}

export async function showCollaboration(
  baseUrl: string,
  tokenFor: TokenFor,
  source: { workshopId: string; sourceId: string },
  log: (line: string) => void,
): Promise<void> {
  const msit = new ApiClient(baseUrl, tokenFor('bureau_head', 'MSIT'));
  const kisa = msit.as(tokenFor('agency_officer', 'KISA'));
  const nis = msit.as(tokenFor('agency_officer', 'NIS'));
  log('Working a task together: comments with mentions, and a file as the answer');
  const { id } = await msit.ok<{ id: string }>('POST', '/v1/follow-ups', {
    ...source,
    assigneeAgency: 'KISA',
    title: 'Share the red-team checklist with OpenAI',
    dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  });
  await kisa.ok('POST', `/v1/follow-ups/${id}/acknowledge`, {});

  await kisa.ok('POST', `/v1/follow-ups/${id}/comments`, {
    body: '@msit.head 점검표는 어떤 양식으로 회신할까요? (Which form should the checklist use?)',
  });
  await msit.ok('POST', `/v1/follow-ups/${id}/comments`, {
    body: '@kisa.officer 2024년 양식으로 PDF를 올려 주세요. (The 2024 form, as a PDF, please.)',
  });
  const pdf = checklistPdf();
  const file = await upload(baseUrl, tokenFor('agency_officer', 'KISA'), id, pdf);
  log(
    `KISA answered with a file: ${file.mediaType}, ${file.size} bytes, sha256 ${file.sha256.slice(0, 16)}…`,
  );

  const thread = await msit.ok<{
    items: { side: string; body: string; mentions: string[] }[];
    people: Record<string, { en: string }>;
  }>('GET', `/v1/follow-ups/${id}/comments`);
  log('The thread, as either side sees it:');
  for (const c of thread.items) {
    const named = c.mentions.map((m) => thread.people[m]?.en ?? m).join(', ');
    log(`  [${c.side}] ${c.body}${named ? `   (mentions: ${named})` : ''}`);
  }

  const got = await fetch(`${baseUrl}/v1/follow-ups/${id}/files/${file.fileId}`, {
    headers: headersOf(tokenFor('bureau_head', 'MSIT')),
  });
  const bytes = Buffer.from(await got.arrayBuffer());
  const same = createHash('sha256').update(bytes).digest('hex') === file.sha256;
  log(
    `MSIT downloads it: ${got.status}, ${bytes.length} bytes, hash as recorded: ${same ? 'yes' : 'NO'}`,
  );

  const probe = await nis.request('GET', `/v1/follow-ups/${id}/comments`);
  log(`NIS, who is not on this task, asks for the thread: ${probe.status}`);
}

async function upload(baseUrl: string, who: Credential, id: string, pdf: Buffer): Promise<Upload> {
  const form = new FormData();
  form.append(
    'file',
    new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }),
    '레드팀 점검표.pdf',
  );
  const res = await fetch(`${baseUrl}/v1/follow-ups/${id}/files`, {
    method: 'POST',
    headers: headersOf(who),
    body: form,
  });
  const body = (await res.json()) as Upload;
  if (res.status !== 201) throw new ApiError(res.status, body, 'upload');
  return body;
}

function headersOf(credential: Credential): Record<string, string> {
  if (typeof credential === 'string') return { authorization: `Bearer ${credential}` };
  return { cookie: credential.cookie, 'x-csrf-token': credential.csrfToken };
}

/** A one-page PDF made on the spot, so the demo needs no file of its own. */
function checklistPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n' +
      '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
      '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n' +
      `% Red-team checklist, ${new Date().toISOString()}\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}
