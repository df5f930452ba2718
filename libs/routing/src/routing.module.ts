import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FollowUpModule } from '@liaison/follow-up';
import { LIAISON_CONFIG } from '@liaison/platform';
import { Pool } from 'pg';
import { BatchRouter } from './router/batch-router';
import { SystemCommands } from './commands/system-commands';
import { loadRoutingConfig } from './config/routing.config';
import { AgencyWebhooks } from './delivery/agency-webhooks.repository';
import { DeadLetterRetry } from './delivery/dead-letter-retry';
import { DeadLetters } from './delivery/dead-letters.repository';
import { WebhookLookup } from './delivery/webhook-lookup';
import { WebhookSettings } from './delivery/webhook-settings';
import { JobLedger } from './ledger/job-ledger';
import { createLedgerPool, LEDGER_POOL } from './ledger/ledger-pool';
import { JobDispatcher } from './queues/job-dispatcher';
import { RoutingQueues } from './queues/routing-queues';
import { ROUTING_CONFIG } from './routing.tokens';
import { ContributionProcess } from './contributions/contribution-process';

/** What the worker and the API share for routing: queues, the ledger, webhooks, dead letters. */
@Module({
  imports: [CqrsModule, FollowUpModule],
  providers: [
    // configuration
    { provide: ROUTING_CONFIG, useFactory: () => loadRoutingConfig() },
    // queues and their ledger
    RoutingQueues,
    { provide: LEDGER_POOL, inject: [LIAISON_CONFIG], useFactory: createLedgerPool },
    JobLedger,
    JobDispatcher,
    // commands
    SystemCommands,
    BatchRouter,
    ContributionProcess,
    // delivery
    AgencyWebhooks,
    DeadLetters,
    DeadLetterRetry,
    WebhookSettings,
    WebhookLookup,
  ],
  exports: [
    ROUTING_CONFIG,
    RoutingQueues,
    JobLedger,
    JobDispatcher,
    SystemCommands,
    BatchRouter,
    ContributionProcess,
    AgencyWebhooks,
    DeadLetters,
    DeadLetterRetry,
    WebhookSettings,
    WebhookLookup,
    FollowUpModule,
  ],
})
export class RoutingModule implements OnApplicationShutdown {
  constructor(@Inject(LEDGER_POOL) private readonly ledgerPool: Pool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.ledgerPool.end();
  }
}
