import {
  ArgumentMetadata,
  BadRequestException,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { TransformationType } from 'class-transformer';
import { getMetadataStorage, ValidationArguments, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { ConstraintMetadata } from 'class-validator/types/metadata/ConstraintMetadata';
import type { TransformMetadata } from 'class-transformer/types/interfaces';

// class-transformer keeps its decorators' metadata here; the package exports no accessor.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: import('class-transformer/types/MetadataStorage').MetadataStorage;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultOptions } = require('class-transformer/cjs/constants/default-options.constant') as {
  defaultOptions: object;
};

function flatten(errors: ValidationError[], parent = ''): { field: string; problems: string[] }[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, problems: Object.values(e.constraints) }] : [];
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

type Dto = new () => Record<string, unknown>;

interface PropertyPlan {
  name: string;
  transforms: TransformMetadata[];
  conditions: ValidationMetadata[];
  rules: { metadata: ValidationMetadata; constraints: ConstraintMetadata[] }[];
}

/** What class-transformer and class-validator would do with a flat request body, read once. */
interface DtoPlan {
  metatype: Dto;
  byName: Map<string, PropertyPlan>;
  /** In class-validator's order. */
  properties: PropertyPlan[];
}

const isPromiseLike = (v: unknown): boolean =>
  v !== null && typeof v === 'object' && typeof (v as { then?: unknown }).then === 'function';

/**
 * A ValidationPipe that, for a flat DTO (its own properties only, each with class-validator
 * rules and at most class-transformer `@Transform`s), reads the decorators' metadata once per
 * class and then applies the same transforms and the same rule functions to a JSON body whose
 * values are all primitives, building the instance as class-transformer would. Only a body that
 * passes is answered this way; anything else — an unknown field, a nested value, a failed rule,
 * a class with other decorators — goes through the full ValidationPipe, which gives the answer
 * and the errors. The result is the same; the per-request metadata look-ups are gone.
 */
class LiaisonValidationPipe extends ValidationPipe {
  private readonly plans = new Map<unknown, DtoPlan | null>();

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const { metatype } = metadata;
    if (metatype && this.toValidate(metadata)) {
      let plan = this.plans.get(metatype);
      if (plan === undefined) this.plans.set(metatype, (plan = planFor(metatype)));
      if (plan !== null) {
        const entity = build(plan, value);
        if (entity !== undefined) return entity;
      }
    }
    return super.transform(value, metadata);
  }
}

const OBJECT_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Null when the class is not a flat DTO the fast path knows to treat exactly. */
function planFor(metatype: unknown): DtoPlan | null {
  if (typeof metatype !== 'function' || metatype.length !== 0) return null;
  const proto = (metatype as { prototype?: object }).prototype;
  if (!proto || Object.getPrototypeOf(proto) !== Object.prototype) return null; // no inheritance
  if (Reflect.ownKeys(proto).some((k) => k !== 'constructor')) return null; // no methods, accessors
  if ((proto as { constructor: unknown }).constructor !== metatype) return null;
  const target = metatype as Dto;

  const rules = getMetadataStorage().getTargetValidationMetadatas(
    target,
    undefined as unknown as string,
    false,
    false,
    undefined,
  );
  if (rules.length === 0) return null;
  const byName = new Map<string, PropertyPlan>();
  for (const m of rules) {
    if (m.target !== target || (m.groups && m.groups.length > 0) || m.always !== undefined) {
      return null;
    }
    const name = m.propertyName;
    if (OBJECT_KEYS.has(name) || name === '__proto__' || name === 'prototype') return null;
    let p = byName.get(name);
    if (!p) byName.set(name, (p = { name, transforms: [], conditions: [], rules: [] }));
    if (m.type === ValidationTypes.CONDITIONAL_VALIDATION) {
      p.conditions.push(m);
    } else if (m.type === ValidationTypes.CUSTOM_VALIDATION) {
      const constraints = getMetadataStorage().getTargetValidatorConstraints(m.constraintCls);
      if (constraints.some((c) => c.async)) return null;
      p.rules.push({ metadata: m, constraints });
    } else {
      return null; // nested, promise, whitelist-only, isDefined: the full pipe
    }
  }

  const ct = defaultMetadataStorage;
  if (
    ct.getStrategy(target) !== 'none' ||
    ct.getExposedMetadatas(target).length > 0 ||
    ct.getExcludedMetadatas(target).length > 0
  ) {
    return null;
  }
  for (const p of byName.values()) {
    if (ct.findTypeMetadata(target, p.name)) return null;
    p.transforms = ct.findTransformMetadatas(target, p.name, TransformationType.PLAIN_TO_CLASS);
    const o = p.transforms.map((t) => t.options ?? {});
    if (o.some((x) => x.groups !== undefined || x.since !== undefined || x.until !== undefined)) {
      return null;
    }
  }

  // A new instance may hold nothing but unset own fields, each one a validated property.
  const probe = new target();
  if (Object.getOwnPropertySymbols(probe).length > 0) return null;
  for (const [k, v] of Object.entries(probe)) if (v !== undefined || !byName.has(k)) return null;

  return { metatype: target, byName, properties: [...byName.values()] };
}

/** The instance, when every field is known, primitive and passes its rules; else undefined. */
function build(plan: DtoPlan, value: unknown): object | undefined {
  if (
    value === null ||
    typeof value !== 'object' ||
    Object.getPrototypeOf(value) !== Object.prototype
  ) {
    return undefined;
  }
  const plain = value as Record<string, unknown>;
  const entity = new plan.metatype();
  const options = { ...defaultOptions };
  for (const key of Object.keys(plain)) {
    const p = plan.byName.get(key);
    if (p === undefined) return undefined;
    let v = plain[key];
    if ((v !== null && typeof v === 'object') || typeof v === 'function') return undefined;
    for (const t of p.transforms) {
      v = t.transformFn({
        value: v,
        key,
        obj: plain,
        type: TransformationType.PLAIN_TO_CLASS,
        options,
      });
    }
    entity[key] = v;
  }
  for (const p of plan.properties) {
    const v = entity[p.name];
    // class-validator evaluates every condition, then skips the property if one is false
    const results = p.conditions.map((c) =>
      (c.constraints[0] as (o: object, v: unknown) => boolean)(entity, v),
    );
    if (!results.every(Boolean)) continue;
    for (const { metadata, constraints } of p.rules) {
      if (metadata.validateIf && !metadata.validateIf(entity, v)) continue;
      if (metadata.each && (Array.isArray(v) || v instanceof Set || v instanceof Map))
        return undefined;
      const args: ValidationArguments = {
        targetName: plan.metatype.name,
        property: metadata.propertyName,
        object: entity,
        value: v,
        constraints: metadata.constraints,
      };
      for (const c of constraints) {
        const ok = c.instance.validate(v, args);
        if (isPromiseLike(ok) || !ok) return undefined;
      }
    }
  }
  return entity;
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
