import { BadRequestException, PipeTransform } from '@nestjs/common';
import { isPersonRole, PERSON_ROLES, PersonRole } from '@liaison/directory';

/** A path role such as agency_officer; anything else is a 400 naming the parameter. */
export class RoleParamPipe implements PipeTransform<string, PersonRole> {
  transform(value: string): PersonRole {
    if (!isPersonRole(value)) {
      throw new BadRequestException({
        message: `role must be one of ${PERSON_ROLES.join(', ')}`,
        details: [{ field: 'role', problems: ['must be a role'] }],
      });
    }
    return value;
  }
}
