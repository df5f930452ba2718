import {
  Body,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { ApiKeysService } from '@liaison/identity';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import { ApiKeyIdPipe } from './api-key-id.pipe';
import { CreateApiKeyRequest } from './api-key.request.dto';
import { ApiKeyDto, NewApiKeyDto } from './api-key.response.dto';

/** Keys for machines: the secret is in the answer to POST once, and never again. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create a key scoped to one role (and agency); `key` is shown once' })
  @ApiCreatedResponse({ type: NewApiKeyDto })
  create(
    @CurrentUser() admin: AuthenticatedUser,
    @Body() body: CreateApiKeyRequest,
    @Req() request: FastifyRequest,
  ) {
    return this.keys.create(body, notByKey(admin), request);
  }

  @Get()
  @ApiOperation({ summary: 'Every key, without secrets: scope, expiry, revocation, last use' })
  @ApiOkResponse({ type: [ApiKeyDto] })
  list() {
    return this.keys.list();
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke a key: refused (401) from the next request on' })
  async revoke(
    @CurrentUser() admin: AuthenticatedUser,
    @Param('id', ApiKeyIdPipe) id: string,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    await this.keys.revoke(id, notByKey(admin), request);
  }
}

/** A leaked admin key must not be able to mint itself successors: keys are made by people. */
function notByKey(admin: AuthenticatedUser): AuthenticatedUser {
  if (admin.via === 'api_key') throw new ForbiddenException('API keys cannot manage API keys');
  return admin;
}
