import { Inject, Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { DecisionRunner, followUpDecider, followUpStreamId, isOpen } from '@liaison/follow-up';
import {
  isFinalAttempt,
  JobPayloads,
  JobResult,
  postSignedWebhook,
  ROUTING_CONFIG,
  RoutingConfig,
  SystemCommands,
  WebhookLookup,
} from '@liaison/routing';
import { DeliveryDeadLetters } from './delivery-dead-letters';

const ACTOR = 'delivery';
type DeliverPayload = JobPayloads['deliver-task'];

/**
 * Hands a routed task to its agency: POSTed, signed, to the agency's webhook, or left in its
 * inbox when it has none. A failed POST throws, and BullMQ retries it with exponential backoff;
 * when the last attempt fails, the task is dead-lettered and escalated.
 */
@Injectable()
export class DeliverTaskProcessor {
  private readonly logger = new Logger('Delivery');

  constructor(
    private readonly runner: DecisionRunner,
    private readonly webhooks: WebhookLookup,
    private readonly commands: SystemCommands,
    private readonly deadLetters: DeliveryDeadLetters,
    @Inject(ROUTING_CONFIG) private readonly config: RoutingConfig,
  ) {}

  async process(payload: DeliverPayload, job: Job): Promise<JobResult> {
    const { task, eventId, correlationId } = payload;
    const { followUpId } = task;
    const cause = { correlationId, causationId: eventId };
    const record = (channel: 'webhook' | 'inbox', attempts: number) =>
      this.commands.send(
        ACTOR,
        { kind: 'RecordDelivery', followUpId, agency: task.assigneeAgency, channel, attempts },
        cause,
      );
    const webhook = await this.webhooks.activeWebhookOf(payload.agency);
    if (!webhook) {
      // The inbox shows the task already; the decider records it only if it still applies.
      const { changed } = await record('inbox', 1);
      return { outcome: changed ? 'in the inbox' : 'skipped: no longer applies' };
    }
    // Nothing is POSTed for a task closed, reassigned or delivered meanwhile.
    const { state } = await this.runner.load(followUpDecider, followUpStreamId(followUpId));
    if (!isOpen(state.status) || state.assigneeAgency !== task.assigneeAgency) {
      return { outcome: 'skipped: the task was closed or reassigned' };
    }
    if (state.deliveredTo === state.assigneeAgency)
      return { outcome: 'skipped: already delivered' };

    const attempts = job.attemptsMade + 1;
    try {
      await postSignedWebhook({
        url: webhook.url,
        secret: webhook.secret,
        body: JSON.stringify({ deliveryId: eventId, agency: payload.agency, task }),
        deliveryId: eventId,
        timeoutMs: this.config.webhookTimeoutMs,
        targets: this.config.webhookTargets,
      });
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      this.logger.warn({
        msg: 'webhook delivery failed',
        followUpId,
        agency: payload.agency,
        attempts,
        reason,
      });
      if (isFinalAttempt(job)) await this.deadLetters.giveUp(payload, job, attempts, reason);
      throw err;
    }
    await record('webhook', attempts);
    this.logger.log({ msg: 'delivered', followUpId, agency: payload.agency, attempts });
    return { outcome: `delivered to the webhook (attempt ${attempts})` };
  }
}
