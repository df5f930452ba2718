import { Global, Module } from '@nestjs/common';
import { loadConfig } from '../config';
import { LiaisonLogger } from './liaison-logger';

/** The process's one logger, at LOG_LEVEL: `app.useLogger(app.get(LiaisonLogger))`. */
@Global()
@Module({
  providers: [
    { provide: LiaisonLogger, useFactory: () => LiaisonLogger.create(loadConfig().logLevel) },
  ],
  exports: [LiaisonLogger],
})
export class LiaisonLoggerModule {}
