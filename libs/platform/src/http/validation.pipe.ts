import {
  ArgumentMetadata,
  BadRequestException,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { DtoSchema, DtoSchemaCompiler } from './dto-schema';

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

const isPrimitive = (v: unknown): boolean =>
  v === null || (typeof v !== 'object' && typeof v !== 'function');

/** A JSON object of known fields whose values are primitives or arrays of them. */
function isFlat(value: unknown, properties: ReadonlySet<string>): value is object {
  if (value === null || typeof value !== 'object') return false;
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) {
    if (!properties.has(key)) return false;
    const v = (value as Record<string, unknown>)[key];
    if (isPrimitive(v)) continue;
    if (!Array.isArray(v) || Object.keys(v).length !== v.length || !v.every(isPrimitive)) {
      return false;
    }
  }
  return true;
}

/**
 * Nest's ValidationPipe (class-transformer, then class-validator) with a compiled check in
 * front. A flat body is turned into its DTO by class-transformer's `plainToInstance`, as the
 * full pipe does, and checked by Ajv against a schema compiled once per DTO from its
 * class-validator rules (`DtoSchemaCompiler`); a body that passes is answered with that
 * instance. Anything else — a refused body, a nested value, a DTO the schema cannot express —
 * goes through the full pipe, which gives the answer and the errors. Only public APIs are
 * used; the schema may refuse more than class-validator, never less
 * (`apps/api/src/common/validation-pipe.spec.ts` compares both pipes on every DTO).
 */
class LiaisonValidationPipe extends ValidationPipe {
  private readonly compiler = new DtoSchemaCompiler();
  private readonly schemas = new Map<unknown, DtoSchema | null>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    if (metatype && this.toValidate(metadata)) {
      let schema = this.schemas.get(metatype);
      if (schema === undefined) {
        schema = typeof metatype === 'function' ? this.compiler.compile(metatype) : null;
        this.schemas.set(metatype, schema);
      }
      if (schema !== null && isFlat(value, schema.properties)) {
        const entity: unknown = plainToInstance(metatype, value);
        if (
          entity instanceof metatype &&
          entity.constructor === metatype &&
          schema.validate(entity)
        ) {
          return entity;
        }
      }
    }
    return super.transform(value, metadata);
  }
}

/** An error answer lists at most this many field problems, then says how many more. */
export const MAX_LISTED_PROBLEMS = 20;

/**
 * Request validation for every route: unknown fields are refused, values are converted to the
 * declared types, and the answer names each wrong field.
 */
export function createValidationPipe(): ValidationPipe {
  return new LiaisonValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const all = flatten(errors);
      // A body of thousands of unknown fields once answered 586 KB: name the first few.
      const details = all.slice(0, MAX_LISTED_PROBLEMS);
      const more = all.length - details.length;
      const message =
        details.map((d) => d.problems.join(', ')).join('; ') +
        (more > 0 ? `; and ${more} more field problem${more === 1 ? '' : 's'}` : '');
      return new BadRequestException({ message, details });
    },
  });
}
