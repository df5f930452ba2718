import { Injectable } from '@nestjs/common';
import { AgencyWebhook, AgencyWebhooks } from './agency-webhooks.repository';

/** An admin's change to a webhook reaches the workers within this long. */
const CACHE_MS = 5_000;

/**
 * The webhook of an agency as delivery sees it: every task needs it, and it rarely changes,
 * so each agency's entry is kept a few seconds instead of read once per task.
 */
@Injectable()
export class WebhookLookup {
  private readonly cache = new Map<string, { at: number; webhook?: AgencyWebhook }>();

  constructor(private readonly webhooks: AgencyWebhooks) {}

  async activeWebhookOf(agency: string): Promise<AgencyWebhook | undefined> {
    const cached = this.cache.get(agency);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.webhook;
    const webhook = await this.webhooks.find(agency);
    const active = webhook?.active ? webhook : undefined;
    this.cache.set(agency, { at: Date.now(), webhook: active });
    return active;
  }
}
