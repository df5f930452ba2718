import nodemailer from 'nodemailer';
import { NotificationsConfig } from '../config/notifications.config';

/** One message as the senders hand it to SMTP. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  messageId: string;
}

/** What the senders need of SMTP (nodemailer's transport; a stand-in in unit specs). */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/**
 * nodemailer over SMTP_URL, pooled. The Message-ID is set by us (deterministic), never left to
 * nodemailer, so a resend is recognisably the same message.
 */
export function smtpTransport(config: NotificationsConfig): MailTransport | undefined {
  if (!config.smtpUrl) return undefined;
  // Pooled, a connection per sender, so no send waits in nodemailer's own queue; and every wait
  // bounded inside the job's lock (NOTIFY_JOB_LOCK_MS): a send still running when the lock lapses
  // would be claimed and sent again by a stalled-job retry. nodemailer reads these from the URL's
  // query; an SMTP_URL that names one keeps its own choice.
  const wait = Math.floor(config.jobLockMs / 3);
  const defaults: Record<string, number | boolean> = {
    pool: true,
    maxConnections: config.concurrency,
    connectionTimeout: wait,
    greetingTimeout: wait,
    socketTimeout: wait,
  };
  const url = new URL(config.smtpUrl);
  for (const [key, value] of Object.entries(defaults)) {
    if (!url.searchParams.has(key)) url.searchParams.set(key, String(value));
  }
  const transporter = nodemailer.createTransport(url.toString(), { from: config.smtpFrom });
  return {
    async send(mail) {
      await transporter.sendMail({
        from: config.smtpFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transporter.close(),
  };
}
