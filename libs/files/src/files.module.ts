import { Module } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';
import { FileStore } from './file-store';
import { FilesConfig, loadFilesConfig } from './files.config';
import { DiskFileStore } from './stores/disk-file-store';
import { PostgresFileStore } from './stores/postgres-file-store';

export const FILES_CONFIG = Symbol('FILES_CONFIG');

export function createFileStore(config: FilesConfig, pool: Pool): FileStore {
  return config.store.kind === 'disk'
    ? new DiskFileStore(config.store.root)
    : new PostgresFileStore(pool);
}

/** The file store chosen by FILE_STORE (Postgres unless told otherwise) and the limits. */
@Module({
  providers: [
    { provide: FILES_CONFIG, useFactory: () => loadFilesConfig() },
    { provide: FileStore, inject: [FILES_CONFIG, PG_POOL], useFactory: createFileStore },
  ],
  exports: [FILES_CONFIG, FileStore],
})
export class FilesModule {}
