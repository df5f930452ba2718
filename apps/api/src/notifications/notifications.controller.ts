import {
  BadRequestException,
  Body,
  Controller,
  ForbiddenException,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  applyPreferencesUpdate,
  NotificationsReader,
  PreferencesStore,
  PreferencesUpdateError,
} from '@liaison/notifications';
import { AuthenticatedUser, CurrentUser } from '@liaison/platform';
import { UuidParam } from '../common/uuid-param.pipe';
import { NotificationsListRequest } from './notifications-requests.dto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Notifications belong to people: an API key or a service token has none (403). */
function personOf(user: AuthenticatedUser): string {
  if (!UUID.test(user.id)) {
    throw new ForbiddenException('notifications belong to people; this caller is not a person');
  }
  return user.id;
}

/**
 * The caller's in-app notifications (newest first, each still passing the read policy) and
 * their preferences. Thin: the reading and the rules are in @liaison/notifications.
 */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsReader,
    private readonly preferences: PreferencesStore,
  ) {}

  @Get('notifications')
  @ApiOperation({ summary: 'The caller’s notifications, newest first' })
  list(@Query() query: NotificationsListRequest, @CurrentUser() user: AuthenticatedUser) {
    return this.notifications.list(personOf(user), {
      unreadOnly: query.unread === 'true',
      limit: query.limit,
      before: query.before,
    });
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark every notification of the caller read' })
  async readAll(@CurrentUser() user: AuthenticatedUser) {
    return { marked: await this.notifications.markAllRead(personOf(user)) };
  }

  @Post('notifications/:id/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one notification read' })
  async read(@Param('id', UuidParam()) id: string, @CurrentUser() user: AuthenticatedUser) {
    if (!(await this.notifications.markRead(personOf(user), id))) {
      throw new NotFoundException('no such notification');
    }
  }

  @Get('me/notification-preferences')
  @ApiOperation({ summary: 'The caller’s notification preferences (defaults until changed)' })
  getPreferences(@CurrentUser() user: AuthenticatedUser) {
    return this.preferences.forPerson(personOf(user));
  }

  @Put('me/notification-preferences')
  @ApiOperation({
    summary: 'Change notification preferences: {language?, kinds?: {<kind>: {enabled?, email?}}}',
  })
  async putPreferences(
    @Body() body: Record<string, unknown>,
    @CurrentUser() user: AuthenticatedUser,
  ) {
    const person = personOf(user);
    const current = await this.preferences.forPerson(person);
    let next;
    try {
      next = applyPreferencesUpdate(current, body);
    } catch (err) {
      if (!(err instanceof PreferencesUpdateError)) throw err;
      throw new BadRequestException({
        message: err.message,
        details: [{ field: err.field, problems: [err.message] }],
      });
    }
    await this.preferences.save(person, next);
    return next;
  }
}
