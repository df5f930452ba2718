import { Injectable } from '@nestjs/common';
import { AgencyDirectory } from '@liaison/follow-up';
import { InvalidRoutingInputError, RoutingNotFoundError } from '../routing.errors';
import { AgencyWebhook, AgencyWebhooks } from './agency-webhooks.repository';

/** A webhook as admins see it: the secret is write-only, never returned. */
export interface WebhookView {
  agency: string;
  url: string;
  active: boolean;
  secretSet: true;
  createdAt: Date;
  updatedAt: Date;
}

export interface WebhookInput {
  url: string;
  secret: string;
  active?: boolean;
}

/** Admins manage where each agency's tasks are POSTed; only agencies have queues. */
@Injectable()
export class WebhookSettings {
  constructor(
    private readonly webhooks: AgencyWebhooks,
    private readonly directory: AgencyDirectory,
  ) {}

  async set(agency: string, input: WebhookInput): Promise<WebhookView> {
    await this.requireAgency(agency);
    return toView(await this.webhooks.save(agency, input.url, input.secret, input.active ?? true));
  }

  async get(agency: string): Promise<WebhookView> {
    await this.requireAgency(agency);
    const webhook = await this.webhooks.find(agency);
    if (!webhook) throw new RoutingNotFoundError('Webhook of agency', agency);
    return toView(webhook);
  }

  async remove(agency: string): Promise<void> {
    await this.requireAgency(agency);
    if (!(await this.webhooks.remove(agency))) {
      throw new RoutingNotFoundError('Webhook of agency', agency);
    }
  }

  private async requireAgency(code: string): Promise<void> {
    const info = (await this.directory.snapshot()).get(code);
    if (!info) throw new RoutingNotFoundError('Agency', code);
    if (info.kind !== 'agency') {
      throw new InvalidRoutingInputError(
        'code',
        `${code} is an outside counterpart; its work goes to its liaison agency's queue`,
      );
    }
  }
}

function toView({ agency, url, active, createdAt, updatedAt }: AgencyWebhook): WebhookView {
  return { agency, url, active, secretSet: true, createdAt, updatedAt };
}
