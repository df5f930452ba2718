import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@liaison/platform';
import { WebhookSettings } from '@liaison/routing';
import { AgencyCodePipe } from '../common/agency-code.pipe';
import { AgencyWebhookRequest } from './agency-webhook.request.dto';
import { WebhookDto } from './admin.response.dto';

/** Where each agency's tasks are POSTed. The secret goes in and never comes back out. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('admin/agencies/:code/webhook')
export class AgencyWebhooksController {
  constructor(private readonly settings: WebhookSettings) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Set (or replace) the agency’s webhook; the answer omits the secret' })
  @ApiOkResponse({ type: WebhookDto })
  set(@Param('code', AgencyCodePipe) code: string, @Body() body: AgencyWebhookRequest) {
    return this.settings.set(code, body);
  }

  @Get()
  @ApiOperation({ summary: 'The agency’s webhook, without its secret (404: none set)' })
  @ApiOkResponse({ type: WebhookDto })
  get(@Param('code', AgencyCodePipe) code: string) {
    return this.settings.get(code);
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the webhook: tasks then wait in the agency’s inbox' })
  @ApiNoContentResponse()
  async remove(@Param('code', AgencyCodePipe) code: string): Promise<void> {
    await this.settings.remove(code);
  }
}
