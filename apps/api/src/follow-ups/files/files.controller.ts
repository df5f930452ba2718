import {
  Controller,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
  Param,
  Post,
  Req,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import {
  CheckCanAttachQuery,
  CommandMeta,
  ExecuteFollowUpCommand,
  FollowUpAttachment,
  GetFollowUpFileQuery,
  ListFollowUpFilesQuery,
  newEntityId,
} from '@liaison/follow-up';
import {
  FileEmptyError,
  FileIntegrityError,
  FileStore,
  FILES_CONFIG,
  FilesConfig,
  FileTooLargeError,
  FileTypeRefusedError,
  readVerified,
  takeInFile,
} from '@liaison/files';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import { CommandContext } from '../../common/command-context.decorator';
import { UuidParam } from '../../common/uuid-param.pipe';
import { AttachmentsDto, UploadResultDto } from './file.response.dto';

/**
 * Files attached to a task, scoped like the task (404 for whoever may not see it). An upload is
 * checked against the rules before its bytes are read, streamed through the intake (size, type
 * from the content, hash) into the store, then recorded as FollowUpFileAttached, whose hash the
 * download is checked against.
 */
@ApiTags('follow-ups')
@Controller('follow-ups/:id/files')
export class FilesController {
  private readonly logger = new Logger('Files');

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly store: FileStore,
    @Inject(FILES_CONFIG) private readonly config: FilesConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('bureau_head', 'agency_officer')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: UploadResultDto })
  @ApiOperation({
    summary:
      'Attach a file (multipart, field `file`): 413 over FILE_MAX_BYTES, 415 when its content ' +
      'is not an allowed type or not what its name or declared type says',
  })
  async upload(
    @Param('id', UuidParam()) followUpId: string,
    @Req() request: FastifyRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    if (!request.isMultipart()) {
      throw refused(415, 'file must be sent as multipart/form-data in a field named file');
    }
    const part = await request.file();
    if (!part || part.fieldname !== 'file') {
      throw refused(422, 'file is required (a multipart field named file)');
    }
    // Who may attach, to which state, and the name: asked before the bytes are read, so a
    // caller who may not see the task gets its 404 without the server taking the file.
    await this.queries.execute(new CheckCanAttachQuery(followUpId, meta.actor, part.filename));
    const accepted = await takeInFile(
      this.store,
      {
        content: part.file,
        name: part.filename,
        declaredType: part.mimetype,
        truncated: () => part.file.truncated,
      },
      this.config.maxBytes,
    ).catch((err: unknown) => {
      throw translate(err);
    });
    const fileId = newEntityId(meta.idempotencySeed, 'file');
    const { version, position } = await this.commands.execute(
      new ExecuteFollowUpCommand(
        { kind: 'AttachFile', followUpId, fileId, name: part.filename, ...accepted },
        meta,
      ),
    );
    return { id: followUpId, fileId, ...accepted, name: part.filename, version, position };
  }

  @Get()
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOkResponse({ type: AttachmentsDto })
  @ApiOperation({ summary: 'The task’s files, oldest first (name, size, media type, SHA-256)' })
  list(@Param('id', UuidParam()) followUpId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.queries.execute(new ListFollowUpFilesQuery(followUpId, user));
  }

  @Get(':fileId')
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiOperation({
    summary:
      'Download a file. Its stored bytes are hashed before anything is sent: content changed ' +
      'in the store answers 500 (and is logged); a change while sending cuts the stream short',
  })
  async download(
    @Param('id', UuidParam()) followUpId: string,
    @Param('fileId', UuidParam()) fileId: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res() reply: FastifyReply,
  ) {
    const file: FollowUpAttachment = await this.queries.execute(
      new GetFollowUpFileQuery(followUpId, fileId, user),
    );
    let content;
    try {
      content = await readVerified(this.store, file);
    } catch (err) {
      if (!(err instanceof FileIntegrityError)) throw err;
      this.logger.error(
        `File ${fileId} of follow-up ${followUpId} refused: ${err.message} (store ${this.store.description})`,
      );
      throw refused(
        500,
        `file ${fileId} does not match the SHA-256 recorded when it was attached; the download is refused`,
        'FILE_INTEGRITY',
      );
    }
    content.on('error', (err) =>
      this.logger.error(`File ${fileId} of follow-up ${followUpId} cut short: ${err.message}`),
    );
    const textual = file.mediaType.startsWith('text/');
    return reply
      .header('content-type', textual ? `${file.mediaType}; charset=utf-8` : file.mediaType)
      .header('content-length', String(file.size))
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeRFC5987(file.name)}`)
      .header('repr-digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`)
      .header('cache-control', 'private, no-store')
      .send(content);
  }
}

function refused(status: number, message: string, code?: string, limit?: number): HttpException {
  const details = { ...(code && { code }), field: 'file', ...(limit !== undefined && { limit }) };
  return new HttpException({ message, details }, status);
}

function translate(err: unknown): unknown {
  if (err instanceof FileTooLargeError) {
    return refused(HttpStatus.PAYLOAD_TOO_LARGE, err.message, err.code, err.limitBytes);
  }
  if (err instanceof FileEmptyError) {
    return refused(HttpStatus.UNPROCESSABLE_ENTITY, err.message, err.code);
  }
  if (err instanceof FileTypeRefusedError) {
    return refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, err.message, err.code);
  }
  return err;
}

function encodeRFC5987(name: string): string {
  return encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16)}`);
}
