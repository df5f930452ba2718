import { BadRequestException, PipeTransform } from '@nestjs/common';

const AGENCY_CODE = /^[A-Z][A-Z0-9_]{1,15}$/;

/** `:code` must look like an agency code before anything looks it up. */
export class AgencyCodeParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!AGENCY_CODE.test(value)) {
      throw new BadRequestException({
        message: 'code must be an agency code such as KISA',
        details: [{ field: 'code', problems: ['must be an agency code such as KISA'] }],
      });
    }
    return value;
  }
}
