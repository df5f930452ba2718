import { Inject, Injectable } from '@nestjs/common';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AgencyDirectory } from '@liaison/follow-up';
import { InvalidRoutingInputError, RoutingNotFoundError } from '../routing.errors';
import { RoutingConfig } from '../config/routing.config';
import { ROUTING_CONFIG } from '../routing.tokens';
import { AgencyWebhook, AgencyWebhooks } from './agency-webhooks.repository';
import { hostOf } from './webhook-target-policy';

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
    @Inject(ROUTING_CONFIG) private readonly config: RoutingConfig,
  ) {}

  async set(agency: string, input: WebhookInput): Promise<WebhookView> {
    await this.requireAgency(agency);
    await this.requireAllowedTarget(input.url);
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

  /** Refused now if the URL or what its name resolves to is forbidden; delivery checks again,
   * since DNS can change. A name that does not resolve yet is left to delivery. */
  private async requireAllowedTarget(url: string): Promise<void> {
    const targets = this.config.webhookTargets;
    const problem = targets.urlProblem(url);
    if (problem) throw new InvalidRoutingInputError('url', problem);
    const host = hostOf(new URL(url));
    if (isIP(host) !== 0) return;
    const addresses = await lookup(host, { all: true }).catch(() => []);
    for (const { address } of addresses) {
      const forbidden = targets.addressProblem(host, address);
      if (forbidden) throw new InvalidRoutingInputError('url', forbidden);
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
