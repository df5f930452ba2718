import { CreateMeetingSeries1765110000000 } from './1765110000000-create-meeting-series';

/** The meetings lib's table: the series list, kept with each append (see the migration). */
export const meetingsMigrations = [CreateMeetingSeries1765110000000];
