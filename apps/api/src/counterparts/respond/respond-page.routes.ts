import multipart, { MultipartFile, MultipartValue } from '@fastify/multipart';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  COUNTERPART_FILE_STORE,
  CounterpartCommands,
  CounterpartFileStore,
  CounterpartInputError,
  CounterpartQueries,
  LinkOpened,
  LinkRefusal,
  LinkRefusedError,
  MAX_TEXT,
  SharedFile,
} from '@liaison/counterparts';
import {
  acknowledgedPage,
  FormProblem,
  refusedPage,
  requestPage,
  thanksPage,
} from './respond-page.html';
import { agencyLabel, MESSAGES, PageLanguage, pageLanguage } from './respond-page.messages';

/** Outside `/v1`: the address in the counterpart's e-mail is the page itself. */
export const RESPOND_PATH = '/respond/:token';

/** An answer's limits: a few files, each within FILE_MAX_BYTES (the store's own limit). */
const MAX_FILES = 10;
const MAX_NAME = 255;

type Req = FastifyRequest<{ Params: { token: string }; Querystring: { lang?: string } }>;

/**
 * The counterpart's page, registered on Fastify directly: no account, no guard, no `/v1`, HTML
 * answers. Every refusal of a link is one of a few fixed pages (404 for a link that is not
 * authentic or not this request's, 410 for an authentic one that expired, was used or replaced).
 */
@Injectable()
export class RespondPageRoutes implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly commands: CounterpartCommands,
    private readonly queries: CounterpartQueries,
    @Inject(COUNTERPART_FILE_STORE) private readonly files: CounterpartFileStore,
  ) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(async (scope) => {
      // The API registers multipart for the follow-ups' files; a bare test app may not have.
      if (!scope.hasContentTypeParser('multipart/form-data')) await scope.register(multipart);
      scope.get(RESPOND_PATH, (req: Req, reply) => this.show(req, reply));
      scope.post(RESPOND_PATH, (req: Req, reply) => this.answer(req, reply));
      scope.post(`${RESPOND_PATH}/acknowledge`, (req: Req, reply) => this.acknowledge(req, reply));
    });
  }

  private async show(req: Req, reply: FastifyReply) {
    const lang = languageOf(req);
    const opened = await this.open(req, reply, lang);
    if (!opened) return reply;
    const requester = await this.requester(opened, lang);
    return html(
      reply,
      200,
      requestPage({ lang, token: req.params.token, state: opened.state, requester }),
    );
  }

  private async acknowledge(req: Req, reply: FastifyReply) {
    const lang = languageOf(req);
    await drain(req);
    try {
      await this.commands.acknowledgeByLink(req.params.token);
    } catch (err) {
      if (err instanceof LinkRefusedError)
        return refused(reply, lang, err.reason, req.params.token);
      throw err;
    }
    return html(reply, 200, acknowledgedPage(lang, req.params.token));
  }

  private async answer(req: Req, reply: FastifyReply) {
    let lang = languageOf(req);
    // The link first: nothing of an upload is taken in for a link that cannot be used.
    const opened = await this.open(req, reply, lang);
    if (!opened) return reply;
    const m = () => MESSAGES[lang];
    const again = async (problem: FormProblem, text?: string) =>
      html(
        reply,
        400,
        requestPage({
          lang,
          token: req.params.token,
          state: opened.state,
          requester: await this.requester(opened, lang),
          problem,
          text,
        }),
      );
    if (!req.isMultipart()) return again({ field: 'form', message: m().problems.form });

    let text = '';
    let complete = false;
    const shared: SharedFile[] = [];
    try {
      for await (const part of req.parts({
        limits: { files: MAX_FILES, fields: 5, fieldSize: MAX_TEXT * 4, parts: MAX_FILES + 5 },
      })) {
        if (part.type === 'field') {
          const value = String((part as MultipartValue).value ?? '');
          if (part.fieldname === 'text') text = value;
          else if (part.fieldname === 'complete') complete = value === 'yes' || value === 'on';
          else if (part.fieldname === 'lang' && (value === 'ko' || value === 'en')) lang = value;
          continue;
        }
        const file = part as MultipartFile;
        const name = cleanName(file.filename);
        // A file input left empty still sends a part, with no name and no bytes.
        if (name === '') {
          file.file.resume();
          continue;
        }
        try {
          const stored = await this.files.put(file.file, {
            name,
            claimedType: file.mimetype,
            truncated: () => file.file.truncated,
          });
          shared.push({ name, ...stored });
        } catch (err) {
          return again(
            { field: 'files', message: `${m().problems.file} (${name}): ${messageOf(err)}` },
            text,
          );
        }
      }
    } catch (err) {
      // Too many files or fields, a part cut short: the form as sent cannot be read.
      return again({ field: 'files', message: `${m().problems.form} ${messageOf(err)}` }, text);
    }
    if (text.trim().length > MAX_TEXT) {
      return again({ field: 'text', message: m().problems.textLong }, text);
    }
    if (text.trim() === '' && shared.length === 0) {
      return again({ field: 'text', message: m().problems.textEmpty }, text);
    }
    try {
      const result = await this.commands.answerByLink(opened, { text, files: shared, complete });
      const at = new Date().toISOString();
      return html(
        reply,
        200,
        thanksPage({ lang, at, files: shared, complete: result.state.status === 'answered' }),
      );
    } catch (err) {
      // Another answer through the same link got in first: this link is now used.
      if (err instanceof LinkRefusedError)
        return refused(reply, lang, err.reason, req.params.token);
      if (err instanceof CounterpartInputError) {
        return again({ field: err.field === 'text' ? 'text' : 'form', message: err.message }, text);
      }
      throw err;
    }
  }

  private async requester(opened: LinkOpened, lang: PageLanguage): Promise<string> {
    const code = opened.state.requestedBy ?? '';
    return agencyLabel(code, await this.queries.agencyName(code), lang);
  }

  private async open(req: Req, reply: FastifyReply, lang: PageLanguage) {
    try {
      return await this.commands.openLink(req.params.token);
    } catch (err) {
      if (err instanceof LinkRefusedError) {
        refused(reply, lang, err.reason, req.params.token);
        return undefined as LinkOpened | undefined;
      }
      throw err;
    }
  }
}

function languageOf(req: Req): PageLanguage {
  return pageLanguage(req.query?.lang, req.headers['accept-language']);
}

function html(reply: FastifyReply, status: number, body: string) {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-language', body.includes('<html lang="ko">') ? 'ko' : 'en')
    .send(body);
}

function refused(reply: FastifyReply, lang: PageLanguage, reason: LinkRefusal, token: string) {
  return html(reply, reason === 'invalid' ? 404 : 410, refusedPage(lang, reason, token));
}

/** A name as shown and recorded: no folders, no control characters, not too long. */
function cleanName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  return [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, MAX_NAME);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The acknowledge form carries no fields that matter; its body is read and dropped. */
async function drain(req: Req): Promise<void> {
  if (!req.isMultipart()) return;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') (part as MultipartFile).file.resume();
    }
  } catch {
    // Nothing in it is used.
  }
}
