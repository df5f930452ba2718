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
  // pooled: a connection per concurrent sender, kept open between messages (an SMTP_URL that
  // says pool=false keeps its own choice)
  const url = /[?&]pool=/.test(config.smtpUrl)
    ? config.smtpUrl
    : `${config.smtpUrl}${config.smtpUrl.includes('?') ? '&' : '?'}pool=true`;
  const transporter = nodemailer.createTransport(url, { from: config.smtpFrom });
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
