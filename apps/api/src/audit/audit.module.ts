import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import { AuditService } from '@liaison/audit';
import { EventStore } from '@liaison/event-store';
import { LIAISON_CONFIG, LiaisonConfig, PG_POOL } from '@liaison/platform';
import { AuditController } from './audit.controller';
import { AuditReasons } from './audit-reason';

@Module({
  controllers: [AuditController],
  providers: [
    AuditReasons,
    {
      provide: AuditService,
      inject: [PG_POOL, EventStore, LIAISON_CONFIG],
      // Verification workers open their own connections, with the same settings.
      useFactory: (pool: Pool, store: EventStore, config: LiaisonConfig) =>
        new AuditService(pool, store, undefined, { connectionString: config.databaseUrl }),
    },
  ],
})
export class AuditModule {}
