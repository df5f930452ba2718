import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@liaison/platform';
import { DeadLetterRetry, DeadLetters } from '@liaison/routing';
import { UuidParam } from '../common/uuid-param.pipe';
import { DeadLettersQuery } from './dead-letters.query.dto';
import { DeadLetterDto, DeadLettersPageDto } from './admin.response.dto';

/** Deliveries that ran out of retries: the task was escalated; an admin may send it again. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/dead-letters')
export class DeadLettersController {
  constructor(
    private readonly letters: DeadLetters,
    private readonly retries: DeadLetterRetry,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Dead letters, newest first, with their payload and last failure' })
  @ApiOkResponse({ type: DeadLettersPageDto })
  @ApiQuery({ name: 'waiting', required: false, description: 'only those not retried yet' })
  async list(@Query() query: DeadLettersQuery) {
    const items = await this.letters.list({ waiting: query.waiting, limit: query.limit });
    return { items };
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Put the job back on its queue under a new id' })
  @ApiAcceptedResponse({ type: DeadLetterDto })
  retry(@Param('id', UuidParam()) id: string) {
    return this.retries.retry(id);
  }
}
