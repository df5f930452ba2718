import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@liaison/event-store';
import { FollowUpModule } from '@liaison/follow-up';
import {
  AuthGuard,
  EdgeConfigModule,
  LiaisonLoggerModule,
  MetricsModule,
  PlatformModule,
} from '@liaison/platform';
import { ProjectionsQueriesModule } from '@liaison/views';
import { AdminModule } from './admin/admin.module';
import { WebModule } from './web/web.module';
import { AuditModule } from './audit/audit.module';
import { AgenciesController } from './agencies/agencies.controller';
import { FollowUpsController } from './follow-ups/follow-ups.controller';
import { ClassificationController } from './classification/classification.controller';
import { ClassifiedReads } from './classification/classified-reads';
import { CommentsModule } from './follow-ups/comments/comments.module';
import { FilesApiModule } from './follow-ups/files/files-api.module';
import { ContributionsApiModule } from './follow-ups/contributions/contributions-api.module';
import { WorkshopsController } from './workshops/workshops.controller';
import { IdempotencyInterceptor } from './common/idempotency.interceptor';
import { CallerRateLimitGuard } from './edge/rate-limit/caller-rate-limit.guard';
import { rateLimiterProvider } from './edge/rate-limit/rate-limiter.provider';
import { HealthController } from './health/health.controller';
import { SubscriptionLagReader } from './health/subscription-lag';
import { SystemHealth } from './health/system-health';
import { MetricsController } from './metrics/metrics.controller';
import { IdentityApiModule } from './session/identity-api.module';
import { OidcSessionModule } from './session/oidc/oidc-session.module';
import { DirectoryApiModule } from './directory/directory-api.module';
import { PersonalDataApiModule } from './personal-data/personal-data-api.module';
import { NotificationsApiModule } from './notifications/notifications-api.module';
import { MeetingsApiModule } from './meetings/meetings-api.module';
import { ExportsApiModule } from './exports/exports-api.module';
import { SearchApiModule } from './search/search-api.module';
import { CounterpartsApiModule } from './counterparts/counterparts-api.module';
import { RecordsApiModule } from './records/records-api.module';

@Module({
  imports: [
    // infrastructure
    PlatformModule,
    EdgeConfigModule,
    LiaisonLoggerModule,
    MetricsModule,
    EventStoreModule,
    CqrsModule.forRoot(),
    // domain
    FollowUpModule,
    ProjectionsQueriesModule,
    // working a task together: comments and files
    CommentsModule,
    FilesApiModule,
    AuditModule,
    // the directory: agencies, people, roles, delegations
    DirectoryApiModule,
    PersonalDataApiModule,
    // joint tasks (주관/협조): contributions of supporting agencies
    ContributionsApiModule,
    // meeting series, search, reports (CSV and XLSX exports)
    MeetingsApiModule,
    SearchApiModule,
    // requests to outside counterparts and their answer page (/respond/:token)
    CounterpartsApiModule,
    ExportsApiModule,
    // records management (공공기록물 관리법): retention, legal holds, disposal
    RecordsApiModule,
    // people: sign-in, sessions, API keys (and the AuthGuard's authenticators)
    IdentityApiModule,
    // sign-in through the IdP (OpenID Connect); 404 unless OIDC_* is configured
    OidcSessionModule,
    // notifications: the in-app list and preferences
    NotificationsApiModule,
    // operations
    AdminModule,
    // the web app's live changes
    WebModule,
  ],
  controllers: [
    // work
    WorkshopsController,
    FollowUpsController,
    ClassificationController,
    AgenciesController,
    // operations
    HealthController,
    MetricsController,
  ],
  providers: [
    // an auditor's read of a classified task through the ordinary routes: reason + access log
    ClassifiedReads,
    // the guard is a provider too: the routes outside Nest's router (docs, queue dashboard)
    // identify callers through it
    AuthGuard,
    { provide: APP_GUARD, useExisting: AuthGuard },
    // after the AuthGuard: it counts per caller
    { provide: APP_GUARD, useClass: CallerRateLimitGuard },
    rateLimiterProvider,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    // health
    SubscriptionLagReader,
    SystemHealth,
  ],
})
export class AppModule {}
