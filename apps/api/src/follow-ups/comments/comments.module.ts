import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PeopleReader } from '@liaison/directory';
import { CommentsController } from './comments.controller';
import { MentionResolver } from './mention-resolver';

/** Comments on follow-ups: the routes and the `@login` resolution. */
@Module({
  imports: [CqrsModule],
  controllers: [CommentsController],
  providers: [PeopleReader, MentionResolver],
})
export class CommentsModule {}
