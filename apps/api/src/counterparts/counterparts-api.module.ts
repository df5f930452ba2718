import { Module } from '@nestjs/common';
import {
  COUNTERPART_FILE_STORE,
  CounterpartFileStore,
  CounterpartsModule,
} from '@liaison/counterparts';
import {
  FILES_CONFIG,
  FilesConfig,
  FilesModule,
  FileStore,
  readVerified,
  takeInFile,
} from '@liaison/files';
import { CounterpartRequestsController } from './counterpart-requests.controller';
import { RespondPageRoutes } from './respond/respond-page.routes';

/**
 * Requests to outside counterparts: the bureau's routes under /v1/counterpart-requests and the
 * counterpart's page at /respond/:token. Files go through @liaison/files (typed from their bytes,
 * within FILE_MAX_BYTES, stored by SHA-256, hashed again when read), as the follow-ups' are.
 */
@Module({
  imports: [CounterpartsModule, FilesModule],
  controllers: [CounterpartRequestsController],
  providers: [
    {
      provide: COUNTERPART_FILE_STORE,
      inject: [FileStore, FILES_CONFIG],
      useFactory: (store: FileStore, config: FilesConfig): CounterpartFileStore => ({
        put: (content, { name, claimedType, truncated }) =>
          takeInFile(
            store,
            { content, name, declaredType: claimedType, truncated },
            config.maxBytes,
          ),
        read: (blob) => readVerified(store, blob),
      }),
    },
    RespondPageRoutes,
  ],
})
export class CounterpartsApiModule {}
