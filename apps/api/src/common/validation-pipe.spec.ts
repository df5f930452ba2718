import 'reflect-metadata';
import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { createValidationPipe } from '@liaison/platform';
import * as webhook from '../admin/agency-webhook.request.dto';
import * as deadLetters from '../admin/dead-letters.query.dto';
import * as directory from '../directory/directory-requests.dto';
import * as audit from '../audit/audit.requests.dto';
import * as board from '../follow-ups/board.request.dto';
import * as followUps from '../follow-ups/follow-up-requests.dto';
import * as actions from '../workshops/agree-action.request.dto';
import * as workshops from '../workshops/create-workshop.request.dto';
import * as infoRequests from '../workshops/request-info.request.dto';
import * as readOptions from './read-options';

type Dto = new () => object;

// where @nestjs/swagger keeps @ApiProperty (its constants are not exported)
const DECORATORS = {
  API_MODEL_PROPERTIES: 'swagger/apiModelProperties',
  API_MODEL_PROPERTIES_ARRAY: 'swagger/apiModelPropertiesArray',
};

const DTOS = [
  webhook,
  deadLetters,
  directory,
  audit,
  board,
  followUps,
  actions,
  workshops,
  infoRequests,
  readOptions,
].flatMap((m) =>
  Object.values(m).filter(
    (v): v is Dto => typeof v === 'function' && /(Request|Query|Options)$/.test(v.name),
  ),
);

/** The pipe as it was: Nest's ValidationPipe with the same options, no shortcut. */
const reference = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  stopAtFirstError: false,
  exceptionFactory: (errors) => {
    const flatten = (es: typeof errors, parent = ''): { field: string; problems: string[] }[] =>
      es.flatMap((e) => {
        const field = parent ? `${parent}.${e.property}` : e.property;
        const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
        return [...own, ...flatten(e.children ?? [], field)];
      });
    const details = flatten(errors);
    const message = details.map((d) => d.problems.join(', ')).join('; ');
    return new BadRequestException({ message, details });
  },
});
const pipe = createValidationPipe();

const SAMPLES: unknown[] = [
  '',
  '   ',
  '  padded  ',
  'x'.repeat(301),
  'x'.repeat(50_001),
  'KISA',
  'kisa',
  'K',
  '3f1c2a9e-8a4b-4f5e-9c1d-2b3a4c5d6e7f',
  'not-a-uuid',
  '2026-11-18',
  '2026-12-15T09:00:00Z',
  '2026-12-15T09:00:00+09:00',
  '2026-12-15T09:00:00',
  'normal',
  'urgent',
  '10',
  '-1',
  'true',
  42,
  0,
  true,
  null,
  ['KISA'],
  [],
  { a: 1 },
];

function example(dto: Dto, property: string): unknown {
  const meta = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, property) as
    { example?: unknown; format?: string; enum?: unknown[] } | undefined;
  if (meta?.format === 'uuid') return '3f1c2a9e-8a4b-4f5e-9c1d-2b3a4c5d6e7f';
  return meta?.example ?? meta?.enum?.[0];
}

function properties(dto: Dto): string[] {
  const list = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, dto.prototype) as
    string[] | undefined;
  return (list ?? []).map((p) => p.replace(/^:/, ''));
}

function bodies(dto: Dto): unknown[] {
  const props = properties(dto);
  const valid = Object.fromEntries(
    props.map((p) => [p, example(dto, p)]).filter(([, v]) => v !== undefined),
  );
  const padded = Object.fromEntries(
    Object.entries(valid).map(([k, v]) => [k, typeof v === 'string' ? ` ${v}  ` : v]),
  );
  const out: unknown[] = [
    valid,
    padded,
    {},
    null,
    undefined,
    'text',
    [valid],
    { ...valid, extra: 1 },
  ];
  out.push(JSON.parse(`{"__proto__": {"x": 1}, "constructor": 1, "prototype": 2}`));
  out.push({ ...valid, prototype: 1 }, { ...valid, constructor: 'x' }, { ...valid, toString: 'x' });
  for (const p of props) {
    const { [p]: _omitted, ...without } = valid;
    out.push(without);
    for (const s of SAMPLES) out.push({ ...valid, [p]: s });
  }
  return out;
}

async function outcome(p: ValidationPipe, value: unknown, metadata: ArgumentMetadata) {
  // Each pipe gets its own copy: the full pipe edits the value (prototype keys, array gaps).
  const copy = value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  try {
    return { ok: await p.transform(copy, metadata) };
  } catch (err) {
    return { error: err instanceof BadRequestException ? err.getResponse() : String(err) };
  }
}

describe('createValidationPipe', () => {
  it('covers the DTOs', () => {
    expect(DTOS.length).toBeGreaterThan(10);
  });

  it.each(DTOS.map((d) => [d.name, d] as const))(
    'answers %s exactly as the full ValidationPipe',
    async (_name, dto) => {
      for (const type of ['body', 'query'] as const) {
        for (const value of bodies(dto)) {
          const metadata: ArgumentMetadata = { type, metatype: dto, data: undefined };
          const [fast, full] = [
            await outcome(pipe, value, metadata),
            await outcome(reference, value, metadata),
          ];
          expect({ value, ...fast }).toStrictEqual({ value, ...full });
          if ('ok' in fast && fast.ok !== undefined && fast.ok !== null) {
            expect(Object.getPrototypeOf(fast.ok)).toBe(Object.getPrototypeOf(full.ok));
            expect(Object.keys(fast.ok as object)).toEqual(Object.keys(full.ok as object));
          }
        }
      }
    },
  );

  it('answers a valid flat body without the full pipe, trimmed and as an instance', async () => {
    const full = jest.spyOn(ValidationPipe.prototype, 'transform');
    try {
      const metadata: ArgumentMetadata = { type: 'body', metatype: followUps.NoteRequest };
      const note = await pipe.transform({ note: '  Draft sent  ' }, metadata);
      expect(note).toBeInstanceOf(followUps.NoteRequest);
      expect(note).toEqual({ note: 'Draft sent' });
      expect(full).not.toHaveBeenCalled();
      await expect(pipe.transform({ note: '  ' }, metadata)).rejects.toThrow(BadRequestException);
      expect(full).toHaveBeenCalledTimes(1);
    } finally {
      full.mockRestore();
    }
  });
});
