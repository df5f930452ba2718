import { Module } from '@nestjs/common';
import { IdentityModule } from '@liaison/identity';
import { RoutingMetrics, RoutingModule } from '@liaison/routing';
import { AgencyWebhooksController } from './agency-webhooks.controller';
import { DeadLettersController } from './dead-letters.controller';
import { DashboardSessions } from './dashboard-sessions';
import { QueueDashboard } from './queue-dashboard';

/** Operators' routes: webhooks, dead letters, the queue dashboard, routing metrics. */
@Module({
  imports: [RoutingModule, IdentityModule],
  controllers: [AgencyWebhooksController, DeadLettersController],
  providers: [QueueDashboard, DashboardSessions, RoutingMetrics],
})
export class AdminModule {}
