import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** Path ids are uuids; anything else is a 400 that names the parameter. */
export const UuidParam = (name = 'id') =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new BadRequestException({
        message: `${name} must be a UUID`,
        details: [{ field: name, problems: ['must be a UUID'] }],
      }),
  });
