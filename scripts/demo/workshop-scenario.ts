/**
 * The week this product exists for, played through the HTTP API as real callers: MSIT meets
 * Anthropic on the 11th and holds a workshop with OpenAI on the 18th; follow-ups go to several
 * agencies and are worked through — accepted, rejected and resubmitted, declined and reassigned.
 */
import { ApiClient, Credential } from './api-client';

/** Who acts: a bearer token (the specs) or a signed-in session (the demo). */
export type TokenFor = (
  role: 'bureau_head' | 'agency_officer' | 'auditor',
  agency?: string,
) => Credential;

interface Created {
  id: string;
  version: number;
  position: number;
}

export interface ScenarioResult {
  workshops: { anthropic: string; openai: string };
  actions: { anthropic: string; openai: string };
  infoRequest: string;
  followUps: Record<
    'channel' | 'evaluation' | 'threatInfo' | 'financial' | 'intel' | 'frontier',
    string
  >;
  /** Global position of the last command, for read-your-writes. */
  lastPosition: number;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

export async function playScenario(
  baseUrl: string,
  tokenFor: TokenFor,
  log: (line: string) => void = () => {},
): Promise<ScenarioResult> {
  const msit = new ApiClient(baseUrl, tokenFor('bureau_head', 'MSIT'));
  const officer = (agency: string) => msit.as(tokenFor('agency_officer', agency));
  let lastPosition = 0;
  const track = <T extends { position: number }>(r: T): T => {
    lastPosition = Math.max(lastPosition, r.position);
    return r;
  };
  const verb = async (agency: string | null, id: string, name: string, body?: object) => {
    const client = agency ? officer(agency) : msit;
    track(await client.ok<Created>('POST', `/v1/follow-ups/${id}/${name}`, body ?? {}));
    log(`  ${agency ?? 'MSIT head'} ${name}${body ? ` ${JSON.stringify(body)}` : ''}`);
  };

  // ── the 11th: MSIT meets Anthropic ──
  const anthropic = track(
    await msit.ok<Created>('POST', '/v1/workshops', {
      title: 'MSIT–Anthropic meeting on AI security',
      heldOn: '2026-11-11',
      hostAgency: 'MSIT',
      counterparts: ['ANTHROPIC'],
      attendingAgencies: ['NIS', 'KISA'],
      topics: ['frontier model security', 'misuse of AI in cyber attacks'],
      summary: 'Both sides agreed to keep exchanging views on frontier model security.',
    }),
  );
  log(`workshop ${anthropic.id}: MSIT–Anthropic meeting (2026-11-11)`);
  const anthropicAction = track(
    await msit.ok<{ actionId: string; position: number }>(
      'POST',
      `/v1/workshops/${anthropic.id}/actions`,
      {
        description: 'Exchange views on frontier model security at working level',
        ownerAgency: 'MSIT',
        supportingAgencies: ['NIS'],
      },
    ),
  );

  // ── the 18th: the workshop with OpenAI ──
  const openai = track(
    await msit.ok<Created>('POST', '/v1/workshops', {
      title: 'MSIT–OpenAI workshop on AI security',
      heldOn: '2026-11-18',
      hostAgency: 'MSIT',
      counterparts: ['OPENAI'],
      attendingAgencies: ['MOFA', 'NIS', 'FSC', 'NAISC', 'AISI', 'KISA', 'FSI'],
      topics: ['AI models in cybersecurity', 'AI security threats'],
      summary: 'Agreed to continue working-level discussions; OpenAI to share threat information.',
    }),
  );
  log(`workshop ${openai.id}: MSIT–OpenAI workshop (2026-11-18)`);
  const action = track(
    await msit.ok<{ actionId: string; position: number }>(
      'POST',
      `/v1/workshops/${openai.id}/actions`,
      {
        description: 'Continue working-level discussions on AI models in cybersecurity',
        ownerAgency: 'MSIT',
        supportingAgencies: ['KISA', 'AISI'],
      },
    ),
  );
  const request = track(
    await msit.ok<{ requestId: string; position: number }>(
      'POST',
      `/v1/workshops/${openai.id}/info-requests`,
      {
        subject: 'Share information on AI security threats',
        requestedBy: 'MSIT',
        requestedFrom: 'OPENAI',
      },
    ),
  );

  const assign = async (
    workshopId: string,
    sourceId: string,
    assigneeAgency: string,
    title: string,
    days: number,
    priority = 'normal',
  ) => {
    const created = track(
      await msit.ok<Created>('POST', '/v1/follow-ups', {
        workshopId,
        sourceId,
        assigneeAgency,
        title,
        dueAt: inDays(days),
        priority,
      }),
    );
    log(`follow-up ${created.id} → ${assigneeAgency}: ${title}`);
    return created.id;
  };

  const followUps = {
    channel: await assign(
      openai.id,
      action.actionId,
      'KISA',
      'Set up a working-level channel on AI models in cybersecurity',
      14,
      'high',
    ),
    evaluation: await assign(
      openai.id,
      action.actionId,
      'AISI',
      'Evaluate model security findings for the working group',
      21,
    ),
    // OpenAI never logs in: its share goes to MSIT, the agency that owns the relationship.
    threatInfo: await assign(
      openai.id,
      request.requestId,
      'MSIT',
      'Obtain OpenAI’s information on AI security threats',
      10,
      'urgent',
    ),
    financial: await assign(
      openai.id,
      request.requestId,
      'FSI',
      'Assess AI security threats to the financial sector',
      30,
    ),
    intel: await assign(
      openai.id,
      request.requestId,
      'NIS',
      'Cross-check shared threats with national intelligence',
      30,
    ),
    frontier: await assign(
      anthropic.id,
      anthropicAction.actionId,
      'NIS',
      'Brief on frontier model security exchange',
      7,
    ),
  };

  log('KISA works its task through to acceptance:');
  await verb('KISA', followUps.channel, 'acknowledge');
  await verb('KISA', followUps.channel, 'start');
  await verb('KISA', followUps.channel, 'progress', { note: 'Contact points agreed with OpenAI' });
  await verb('KISA', followUps.channel, 'submit', {
    response: 'Monthly working-level meeting set up',
  });
  await verb(null, followUps.channel, 'accept');

  log('AISI submits, is sent back, resubmits and is accepted:');
  await verb('AISI', followUps.evaluation, 'acknowledge');
  await verb('AISI', followUps.evaluation, 'start');
  await verb('AISI', followUps.evaluation, 'submit', { response: 'Initial evaluation' });
  await verb(null, followUps.evaluation, 'reject', { reason: 'Please add the red-team results' });
  await verb('AISI', followUps.evaluation, 'start');
  await verb('AISI', followUps.evaluation, 'submit', {
    response: 'Evaluation with red-team results',
  });
  await verb(null, followUps.evaluation, 'accept');

  log('FSI declines; the task is reassigned to FSC:');
  await verb('FSI', followUps.financial, 'acknowledge');
  await verb('FSI', followUps.financial, 'decline', { reason: 'Sector-wide policy sits with FSC' });
  await verb(null, followUps.financial, 'reassign', {
    assigneeAgency: 'FSC',
    reason: 'FSC leads financial-sector policy',
  });
  await verb('FSC', followUps.financial, 'acknowledge');
  await verb('FSC', followUps.financial, 'start');

  log('MSIT follows up with OpenAI; NIS takes up its tasks:');
  await verb('MSIT', followUps.threatInfo, 'acknowledge');
  await verb('MSIT', followUps.threatInfo, 'start');
  await verb('NIS', followUps.intel, 'acknowledge');
  await verb('NIS', followUps.frontier, 'acknowledge');
  await verb('NIS', followUps.frontier, 'start');
  await verb('NIS', followUps.frontier, 'submit', { response: 'Briefing delivered' });
  await verb(null, followUps.frontier, 'accept');

  return {
    workshops: { anthropic: anthropic.id, openai: openai.id },
    actions: { anthropic: anthropicAction.actionId, openai: action.actionId },
    infoRequest: request.requestId,
    followUps,
    lastPosition,
  };
}
