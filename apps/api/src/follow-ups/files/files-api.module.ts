import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { FilesModule } from '@liaison/files';
import { FilesController } from './files.controller';

/** Attachments on follow-ups: the routes over the configured file store. */
@Module({
  imports: [CqrsModule, FilesModule],
  controllers: [FilesController],
})
export class FilesApiModule {}
