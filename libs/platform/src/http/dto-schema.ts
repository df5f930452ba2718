// Ajv 8: Fastify's own validator (through @fastify/ajv-compiler), named in package.json.
import Ajv, { ValidateFunction } from 'ajv';
import {
  ARRAY_MAX_SIZE,
  getMetadataStorage,
  IS_ARRAY,
  IS_BOOLEAN,
  IS_IN,
  IS_INT,
  IS_ISO8601,
  IS_LENGTH,
  IS_STRING,
  IS_URL,
  IS_UUID,
  isISO8601,
  isURL,
  isUUID,
  length,
  MATCHES,
  matches,
  MAX,
  MAX_LENGTH,
  maxLength,
  MIN,
  MIN_LENGTH,
  minLength,
  ValidationTypes,
} from 'class-validator';

type Metadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];
type Schema = Record<string, unknown>;

/**
 * What JSON Schema says exactly (or more strictly) what a class-validator rule accepts. A rule
 * whose meaning is the library's own (lengths counted as validator.js counts them, its UUID and
 * ISO-8601 grammars, a RegExp with its own flags) is called as class-validator's exported
 * function with the decorator's constraints, as the decorator itself calls it.
 */
const STANDARD: Record<string, (c: unknown[]) => Schema | null> = {
  [IS_STRING]: () => ({ type: 'string' }),
  [IS_BOOLEAN]: () => ({ type: 'boolean' }),
  [IS_INT]: () => ({ type: 'integer' }),
  [IS_ARRAY]: () => ({ type: 'array' }),
  [IS_IN]: ([values]) =>
    Array.isArray(values) && values.every((v) => v === null || typeof v !== 'object')
      ? { enum: values }
      : null,
  [MIN]: ([n]) => (typeof n === 'number' ? { type: 'number', minimum: n } : null),
  [MAX]: ([n]) => (typeof n === 'number' ? { type: 'number', maximum: n } : null),
  [ARRAY_MAX_SIZE]: ([n]) => (typeof n === 'number' ? { type: 'array', maxItems: n } : null),
};

const CALLED: Record<string, (value: unknown, c: unknown[]) => boolean> = {
  [MIN_LENGTH]: (v, [min]) => minLength(v, min as number),
  [MAX_LENGTH]: (v, [max]) => maxLength(v, max as number),
  [IS_LENGTH]: (v, [min, max]) => length(v, min as number, max as number),
  [MATCHES]: (v, [pattern, modifiers]) =>
    (matches as (v: unknown, p: unknown, m: unknown) => boolean)(v, pattern, modifiers),
  [IS_UUID]: (v, [version]) => isUUID(v, version as Parameters<typeof isUUID>[1]),
  [IS_ISO8601]: (v, [options]) => isISO8601(v, options as Parameters<typeof isISO8601>[1]),
  [IS_URL]: (v, [options]) => isURL(v as string, options as Parameters<typeof isURL>[1]),
};

const OBJECT_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** A DTO's rules as a compiled check of the instance class-transformer built from a body. */
export interface DtoSchema {
  /** The schema Ajv compiled (calls of class-validator's functions appear as `x-check`). */
  schema: Schema;
  properties: ReadonlySet<string>;
  validate: ValidateFunction;
}

/**
 * Compiles a DTO's class-validator rules, read through the package's exported metadata storage,
 * into one JSON Schema for Ajv: unknown fields are refused, properties without `@IsOptional()`
 * required, every rule a keyword. Null when a rule has no exact or stricter form here (groups,
 * `always`, `@ValidateIf`, nested or async rules, an unknown decorator): such a DTO is checked by
 * class-validator alone. A schema may refuse what class-validator accepts (null for an optional
 * field, a lone value where `each` allows one), never the reverse.
 */
export class DtoSchemaCompiler {
  private readonly ajv = new Ajv({
    allErrors: false,
    coerceTypes: false,
    useDefaults: false,
    removeAdditional: false,
    // validator.js applies a RegExp as it was written: no `u` flag added
    unicodeRegExp: false,
    strictTypes: false,
  });
  private readonly checks: ((value: unknown) => boolean)[] = [];

  constructor() {
    this.ajv.addKeyword({
      keyword: 'x-check',
      schemaType: 'number',
      errors: false,
      validate: (index: number, data: unknown) => this.checks[index](data),
    });
  }

  compile(target: new () => object): DtoSchema | null {
    const rules = getMetadataStorage().getTargetValidationMetadatas(target, '', false, false);
    if (rules.length === 0) return null;
    const byProperty = new Map<string, { optional: boolean; all: Schema[] }>();
    for (const m of rules) {
      const name = m.propertyName;
      if (OBJECT_KEYS.has(name) || name === '__proto__') return null;
      let p = byProperty.get(name);
      if (!p) byProperty.set(name, (p = { optional: false, all: [] }));
      if ((m.groups && m.groups.length > 0) || m.always !== undefined) return null;
      if (m.type === ValidationTypes.CONDITIONAL_VALIDATION && m.name === 'isOptional') {
        p.optional = true;
      } else if (m.type === ValidationTypes.WHITELIST) {
        // @Allow(): declared, no rule
      } else if (m.type === ValidationTypes.CUSTOM_VALIDATION) {
        const one = this.rule(m);
        if (one === null) return null;
        p.all.push(one);
      } else {
        return null;
      }
    }
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const [name, p] of byProperty) {
      properties[name] = p.all.length <= 1 ? (p.all[0] ?? {}) : { allOf: p.all };
      if (!p.optional) required.push(name);
    }
    const schema = { type: 'object', properties, required, additionalProperties: false };
    let validate: ValidateFunction;
    try {
      validate = this.ajv.compile(schema);
    } catch {
      return null; // e.g. a pattern Ajv cannot take: class-validator alone
    }
    return { schema, properties: new Set(byProperty.keys()), validate };
  }

  private rule(m: Metadata): Schema | null {
    if (!m.name || m.validateIf) return null;
    const constraints = (m.constraints ?? []) as unknown[];
    let one: Schema | null = null;
    if (STANDARD[m.name]) {
      one = STANDARD[m.name](constraints);
    } else if (CALLED[m.name]) {
      const check = CALLED[m.name];
      one = { 'x-check': this.checks.push((v) => check(v, constraints)) - 1 };
    }
    // `each` applies the rule to every member of an array (or the value itself otherwise)
    return one && m.each ? { type: 'array', items: one } : one;
  }
}
