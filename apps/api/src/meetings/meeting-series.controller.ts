import {
  BadRequestException,
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PeopleReader } from '@liaison/directory';
import { CommandMeta, newEntityId } from '@liaison/follow-up';
import {
  MeetingSeriesCommands,
  MeetingSeriesReader,
  meetingSeriesCalendar,
} from '@liaison/meetings';
import { AuthenticatedUser, CurrentUser, Roles } from '@liaison/platform';
import { CommandContext } from '../common/command-context.decorator';
import { UuidParam } from '../common/uuid-param.pipe';
import {
  CancelMeetingRequest,
  HoldMeetingRequest,
  MeetingSeriesListRequest,
  ScheduleMeetingRequest,
  StartMeetingSeriesRequest,
} from './meeting-series.request.dto';
import {
  MeetingCommandResultDto,
  MeetingPeopleDto,
  MeetingSeriesDetailDto,
  MeetingSeriesListDto,
} from './meeting-series.response.dto';

/** `:n`, a meeting's number in its series: a 400 naming it when it is not one. */
const MeetingNumber = () =>
  new ParseIntPipe({
    exceptionFactory: () =>
      new BadRequestException({
        message: 'n must be a meeting number (1, 2, …)',
        details: [{ field: 'n', problems: ['must be a meeting number (1, 2, …)'] }],
      }),
  });

/**
 * Working-level meeting series (실무 협의): bureau heads of the workshop's host run them; the
 * host, auditors and the people of the attending agencies read them (libs/meetings policy).
 */
@ApiTags('meeting-series')
@ApiBearerAuth()
@Controller('meeting-series')
export class MeetingSeriesController {
  constructor(
    private readonly commands: MeetingSeriesCommands,
    private readonly reader: MeetingSeriesReader,
    private readonly people: PeopleReader,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('bureau_head')
  @ApiOperation({ summary: 'Start a meeting series from an agreed action of a workshop' })
  @ApiCreatedResponse({ type: MeetingCommandResultDto })
  start(@Body() body: StartMeetingSeriesRequest, @CommandContext() meta: CommandMeta) {
    const seriesId = newEntityId(meta.idempotencySeed, 'meeting-series');
    return this.commands.run(seriesId, { kind: 'StartMeetingSeries', seriesId, ...body }, meta);
  }

  @Post(':id/meetings')
  @HttpCode(201)
  @Roles('bureau_head')
  @ApiOperation({ summary: 'Schedule the next meeting of the series' })
  @ApiCreatedResponse({ type: MeetingCommandResultDto })
  schedule(
    @Param('id', UuidParam()) id: string,
    @Body() body: ScheduleMeetingRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    return this.commands.run(id, { kind: 'ScheduleMeeting', ...body }, meta);
  }

  @Post(':id/meetings/:n/held')
  @HttpCode(200)
  @Roles('bureau_head')
  @ApiOperation({
    summary:
      'Record a meeting as held: attendees, minutes (회의록), decisions; its agenda carries the ' +
      'workshop’s open follow-ups as the log has them now',
  })
  @ApiOkResponse({ type: MeetingCommandResultDto })
  held(
    @Param('id', UuidParam()) id: string,
    @Param('n', MeetingNumber()) n: number,
    @Body() body: HoldMeetingRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    const { people, agencies } = body.attendees;
    return this.commands.run(
      id,
      {
        kind: 'HoldMeeting',
        number: n,
        date: body.date,
        attendees: { people, agencies: agencies ?? [] },
        minutes: body.minutes,
        decisions: body.decisions,
      },
      meta,
    );
  }

  @Post(':id/meetings/:n/cancel')
  @HttpCode(200)
  @Roles('bureau_head')
  @ApiOperation({ summary: 'Cancel a scheduled meeting' })
  @ApiOkResponse({ type: MeetingCommandResultDto })
  cancel(
    @Param('id', UuidParam()) id: string,
    @Param('n', MeetingNumber()) n: number,
    @Body() body: CancelMeetingRequest,
    @CommandContext() meta: CommandMeta,
  ) {
    return this.commands.run(id, { kind: 'CancelMeeting', number: n, reason: body.reason }, meta);
  }

  @Get()
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({ summary: 'Meeting series the caller may read' })
  @ApiOkResponse({ type: MeetingSeriesListDto })
  async list(@Query() query: MeetingSeriesListRequest, @CurrentUser() user: AuthenticatedUser) {
    return { items: await this.reader.list(user, query) };
  }

  @Get(':id')
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({ summary: 'A series with its meetings, minutes, decisions and agendas' })
  @ApiOkResponse({ type: MeetingSeriesDetailDto })
  detail(@Param('id', UuidParam()) id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.reader.detail(user, id);
  }

  @Get(':id/people')
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({
    summary:
      'Whom a meeting of the series may name (the active people of its host and attending ' +
      'agencies) and whom its meetings named: ids and names only, to whoever reads the series',
  })
  @ApiOkResponse({ type: MeetingPeopleDto })
  async attendees(
    @Param('id', UuidParam()) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<MeetingPeopleDto> {
    const series = await this.reader.detail(user, id); // 404 for a series the caller may not read
    const agencies = new Set([series.hostAgency, ...series.attendingAgencies]);
    const found = new Map<string, MeetingPeopleDto['items'][number]>();
    const add = (p: Awaited<ReturnType<PeopleReader['byId']>>) => {
      if (p)
        found.set(p.id, {
          id: p.id,
          agency: p.agency,
          displayName: p.displayName,
          active: p.active,
        });
    };
    for (const code of agencies)
      (await this.people.list({ agency: code, active: true })).forEach(add);
    // Someone named by a meeting who has left since (or belongs to another agency) still has a name.
    const named = series.meetings.flatMap((m) => m.attendees?.people ?? []);
    for (const personId of new Set(named))
      if (!found.has(personId)) add(await this.people.byId(personId));
    return { items: [...found.values()] };
  }

  @Get(':id/calendar.ics')
  @Roles('bureau_head', 'agency_officer', 'auditor')
  @ApiOperation({ summary: 'The series as an iCalendar file (RFC 5545)' })
  @ApiProduces('text/calendar')
  async calendar(
    @Param('id', UuidParam()) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const series = await this.reader.detail(user, id);
    reply.header('content-type', 'text/calendar; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="meeting-series-${id}.ics"`);
    return meetingSeriesCalendar(series, new Date(series.updatedAt));
  }
}
