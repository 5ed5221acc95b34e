import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { buildMime, type Mailer } from '@kd/services';

/** Amazon SES (v2 SendEmail with the raw MIME, so the .xlsx goes as an attachment). */
export function sesMailer(client: SESv2Client = new SESv2Client({})): Mailer {
  return {
    async send(message) {
      const raw = await buildMime(message);
      const out = await client.send(
        new SendEmailCommand({
          FromEmailAddress: message.from,
          Destination: { ToAddresses: message.to },
          Content: { Raw: { Data: raw } },
        }),
      );
      if (!out.MessageId) throw new Error('SES không trả về MessageId');
      return out.MessageId;
    },
  };
}
