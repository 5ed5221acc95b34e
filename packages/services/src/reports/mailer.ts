import MailComposer from 'nodemailer/lib/mail-composer';

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
}

export interface MailMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
  /** A stable Message-ID (`<…@…>`): a resend of the same delivery carries the same one. */
  messageId?: string;
}

/** Sends one e-mail; answers the transport's id for it. Throws when it was not accepted. */
export interface Mailer {
  send(message: MailMessage): Promise<string>;
}

/** The raw MIME message, the same bytes for SES and for the local outbox. */
export async function buildMime(message: MailMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    attachments: (message.attachments ?? []).map((a) => ({ filename: a.filename, content: a.content, contentType: a.contentType })),
    textEncoding: 'base64',
  });
  return composer.compile().build();
}
