import { domainOf, notificationMessageId } from '../domain/message-id';
import {
  notificationJobIds,
  notificationJobProcessor,
  parseNotificationPayload,
  requireEveryNotificationJobHandled,
} from './notification-jobs';

const id = '0b6f3b1e-9a55-4a4e-8a57-6f0a1c2d3e4f';

describe('the notifications queue’s jobs', () => {
  it('refuses to boot while a declared job has no handler', () => {
    expect(() => requireEveryNotificationJobHandled({ 'send-email': async () => {} })).toThrow(
      'No handler for notification job(s): send-digest, sweep-notifications',
    );
  });

  it('checks payloads before use, naming the field', () => {
    expect(() => parseNotificationPayload('send-email', { eventId: id, personId: 'x' })).toThrow(
      'payload.personId',
    );
    expect(() =>
      parseNotificationPayload('send-digest', { personId: id, day: '18/11/2026' }),
    ).toThrow('payload.day');
    expect(
      parseNotificationPayload('send-digest', { personId: id, day: '2026-11-18', extra: 1 }),
    ).toEqual({
      personId: id,
      day: '2026-11-18',
    });
  });

  it('refuses a job it does not know', async () => {
    const run = notificationJobProcessor({
      'send-email': async () => {},
      'send-digest': async () => {},
      'sweep-notifications': async () => {},
    });
    await expect(run({ name: 'send-fax', data: {} })).rejects.toThrow('unknown notification job');
  });

  it('derives ids from the notification: the same one is always the same job and message', () => {
    expect(notificationJobIds.email(id, id)).toBe(`email-${id}-${id}`);
    expect(notificationJobIds.digest(id, '2026-11-18')).toBe(`digest-${id}-2026-11-18`);
    expect(notificationMessageId(id, id, domainOf('Liaison <no-reply@liaison.go.kr>'))).toBe(
      `<notify.${id}.${id}@liaison.go.kr>`,
    );
  });
});
