import type { DisposedEventRef } from '@liaison/audit';
import { RecordClass, RetentionPeriod } from './retention';

export type RecordCommand =
  | {
      type: 'SetRetention';
      recordClass?: RecordClass;
      retention?: RetentionPeriod;
      reason: string;
    }
  | { type: 'CloseRecord'; closedAt: string; cause: string }
  | { type: 'PlaceLegalHold'; reason: string }
  | { type: 'LiftLegalHold'; reason: string }
  | { type: 'ApproveDisposal' }
  | {
      type: 'RecordDisposal';
      streams: string[];
      events: DisposedEventRef[];
      files: string[];
    };

export interface RecordContext {
  actor: { id: string; role: string };
  now: Date;
}
