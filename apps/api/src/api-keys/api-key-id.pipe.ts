import { BadRequestException, PipeTransform } from '@nestjs/common';

/** A key's id: 16 hex digits (the part of `lsk_<id>_<secret>` that names it). */
export class ApiKeyIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (/^[0-9a-f]{16}$/.test(value)) return value;
    throw new BadRequestException({
      message: 'id must be an API key id (16 hex digits)',
      details: [{ field: 'id', problems: ['must be an API key id (16 hex digits)'] }],
    });
  }
}
