import { BadRequestException, PipeTransform } from '@nestjs/common';

/** A path agency code such as KISA; anything else is a 400 naming the parameter. */
export class AgencyCodePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[A-Z][A-Z0-9_]{1,15}$/.test(value)) {
      throw new BadRequestException({
        message: 'code must be an agency code such as KISA',
        details: [{ field: 'code', problems: ['must be an agency code'] }],
      });
    }
    return value;
  }
}
