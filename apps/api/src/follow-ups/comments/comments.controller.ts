import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CommandMeta,
  ExecuteFollowUpCommand,
  GetFollowUpQuery,
  ListFollowUpCommentsQuery,
  newEntityId,
} from '@liaison/follow-up';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import { CommandContext } from '../../common/command-context.decorator';
import { UuidParam } from '../../common/uuid-param.pipe';
import { ErrorResponseDto } from '../../common/error-response.dto';
import { CommentRequest } from './comment.request.dto';
import { CommentResultDto, CommentsDto } from './comment.response.dto';
import { MentionResolver } from './mention-resolver';

/**
 * Comments on a task from either side (the host's bureau, the assignee agency), scoped like the
 * task: whoever may not see it gets 404 for both routes. The rules are the domain's
 * (follow-up.collaboration.ts); this class translates HTTP and resolves `@login`s.
 */
@ApiTags('follow-ups')
@Controller('follow-ups/:id/comments')
export class CommentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly mentions: MentionResolver,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommentResultDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'no such task, or not yours' })
  @Roles('bureau_head', 'agency_officer')
  @ApiOperation({
    summary:
      'Comment on the task; `@login` in the body mentions a person (who must be able to see the ' +
      'task: 422 naming mentions otherwise); 409 on a closed task',
  })
  async comment(
    @Param('id', UuidParam()) followUpId: string,
    @Body() body: CommentRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    // The task's visibility first (404 as for any read), and only then are the body's logins
    // looked up: someone who may not see the task learns nothing of the people it names. The
    // command checks again as it decides, and holds each mention to seeing the task.
    await this.queries.execute(new GetFollowUpQuery(followUpId, meta.actor));
    const mentions = await this.mentions.personIds(body.body, body.mentions);
    const commentId = newEntityId(meta.idempotencySeed, 'comment');
    const { id, version, position } = await this.commands.execute(
      new ExecuteFollowUpCommand(
        {
          kind: 'CommentOnFollowUp',
          followUpId,
          commentId,
          body: body.body,
          mentions,
          ...(body.personal && { personal: true }),
        },
        meta,
      ),
    );
    return { id, commentId, mentions, version, position };
  }

  @Get()
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOkResponse({ type: CommentsDto })
  @ApiOperation({ summary: 'The task’s comments, oldest first, with the names of those they name' })
  list(@Param('id', UuidParam()) followUpId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.queries.execute(new ListFollowUpCommentsQuery(followUpId, user));
  }
}
