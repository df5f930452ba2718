import 'reflect-metadata';
import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { DtoSchemaCompiler } from './dto-schema';
import { createValidationPipe } from './validation.pipe';

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

class Sample {
  @trim @IsString() @MinLength(1) @MaxLength(3) text!: string;
  @IsOptional() @IsUUID('all') id?: string;
  @IsOptional() @Matches(/^[a-z]+$/i) word?: string;
  @IsOptional() @IsIn(['a', 'b'], { each: true }) tags?: string[];
}

@ValidatorConstraint({ name: 'even' })
class Even implements ValidatorConstraintInterface {
  validate(v: unknown) {
    return typeof v === 'number' && v % 2 === 0;
  }
}
class WithOwnRule {
  @Validate(Even) n!: number;
}
class WithCondition {
  @ValidateIf(() => false) @IsString() s!: string;
}

const reference = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors) => new BadRequestException(errors.map((e) => e.property)),
});
const pipe = createValidationPipe();
const metadata: ArgumentMetadata = { type: 'body', metatype: Sample };

async function accepted(p: ValidationPipe, value: object): Promise<unknown> {
  try {
    return await p.transform(JSON.parse(JSON.stringify(value)), metadata);
  } catch {
    return 'refused';
  }
}

describe('DtoSchemaCompiler', () => {
  const compiler = new DtoSchemaCompiler();

  it('leaves a DTO with its own constraint class or a condition to class-validator', () => {
    expect(compiler.compile(WithOwnRule)).toBeNull();
    expect(compiler.compile(WithCondition)).toBeNull();
    expect(compiler.compile(Sample)).not.toBeNull();
  });

  // Values where a JSON Schema written by hand would part from class-validator: validator.js
  // counts a surrogate pair as one and a variation selector after a character as none, its UUID
  // grammar wants a version and a variant, and a RegExp keeps its own flags.
  const values: object[] = [
    { text: '  ab  ' },
    { text: '   ' },
    { text: '\uFE0F' },
    { text: 'a\uFE0F\uFE0Fb' },
    { text: 'abcd' },
    { text: '😀😀😀' },
    { text: '😀😀😀😀' },
    { text: '\uD800' },
    { text: 'ab', id: '3f1c2a9e-8a4b-4f5e-9c1d-2b3a4c5d6e7f' },
    { text: 'ab', id: '3f1c2a9e-8a4b-0f5e-9c1d-2b3a4c5d6e7f' },
    { text: 'ab', id: '3F1C2A9E-8A4B-4F5E-9C1D-2B3A4C5D6E7F' },
    { text: 'ab', word: 'ABC' },
    { text: 'ab', word: 'é' },
    { text: 'ab', tags: ['a', 'b'] },
    { text: 'ab', tags: ['c'] },
    { text: 'ab', tags: 'a' },
    { text: 'ab', id: null },
    { text: 'ab', extra: 1 },
  ];

  it.each(values.map((v) => [JSON.stringify(v), v] as const))(
    'the pipe answers %s as class-validator does',
    async (_name, value) => {
      expect(await accepted(pipe, value)).toStrictEqual(await accepted(reference, value));
    },
  );
});
