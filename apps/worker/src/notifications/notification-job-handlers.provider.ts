import { Provider } from '@nestjs/common';
import {
  DigestSender,
  EmailSender,
  notificationJobHandlers,
  NotificationSweep,
} from '@liaison/notifications';

export const NOTIFICATION_JOB_HANDLERS = Symbol('NOTIFICATION_JOB_HANDLERS');

/**
 * Which sender handles which notification job. The queue and its jobs are declared once in
 * libs/notifications (queue/notification-jobs.ts); boot fails if one has no handler here.
 */
export const notificationJobHandlersProvider: Provider = {
  provide: NOTIFICATION_JOB_HANDLERS,
  inject: [EmailSender, DigestSender, NotificationSweep],
  useFactory: (email: EmailSender, digest: DigestSender, sweep: NotificationSweep) =>
    notificationJobHandlers({ email, digest, sweep }),
};
