import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { MailSettings } from '@ubos/kernel';
import type { WorkerDatabase } from './database.js';

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

/** Where mail goes. `send` resolves once the mail is handed over (to the SMTP server, or to disk). */
export interface MailTransport {
  /** For the log: `smtp://host:port` or `folder:<dir>`. */
  readonly description: string;
  send(mail: OutgoingMail): Promise<void>;
  close?(): void;
}

/**
 * SMTP through nodemailer when UBOS_SMTP_URL is set; otherwise each mail becomes an RFC 5322
 * file (`.eml`, built by the same nodemailer, with no network) in UBOS_MAIL_DIR, so that
 * invitations and resets can be followed by hand and read by tests.
 */
export function createMailTransport(settings: MailSettings): MailTransport {
  if (settings.smtpUrl) {
    const smtp = nodemailer.createTransport(settings.smtpUrl);
    const url = new URL(settings.smtpUrl);
    return {
      description: `${url.protocol}//${url.host}`,
      async send(mail) {
        await smtp.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: `<${mail.id}@ubos>` });
      },
      close: () => smtp.close(),
    };
  }
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `folder:${settings.dir}`,
    async send(mail) {
      const info = await builder.sendMail({ from: settings.from, to: mail.to, subject: mail.subject, text: mail.text, messageId: `<${mail.id}@ubos>` });
      fs.mkdirSync(settings.dir, { recursive: true });
      // Written whole under a temporary name, then renamed: a reader never sees half a mail.
      const file = path.join(settings.dir, `${mail.id}.eml`);
      fs.writeFileSync(`${file}.tmp`, info.message as Buffer);
      fs.renameSync(`${file}.tmp`, file);
    },
  };
}

const BATCH = 20;

/**
 * The mail step: pending rows of mail_outbox (written in the transaction of the invitation or
 * reset that sends them) are handed to the transport, at least once. A failure is retried
 * with a doubling delay, and after `maxAttempts` the mail is FAILED. A sent mail's body is
 * cleared, so that its links do not stay in the database. Several workers share the rows
 * (FOR UPDATE SKIP LOCKED).
 */
export async function deliverPendingMail(
  db: WorkerDatabase,
  transport: MailTransport,
  retry: { maxAttempts: number; retryDelaySeconds: number },
  log: (entry: Record<string, unknown>) => void,
): Promise<number> {
  let delivered = 0;
  for (;;) {
    const claimed = await db.transaction(async (client) => {
      const { rows } = await client.query<{ id: string; to_address: string; subject: string; body_text: string; attempts: number }>(
        `select id, to_address, subject, body_text, attempts from mail_outbox
          where status = 'PENDING' and next_attempt_at <= now() order by next_attempt_at, id limit ${BATCH} for update skip locked`,
      );
      for (const row of rows) {
        try {
          await transport.send({ id: row.id, to: row.to_address, subject: row.subject, text: row.body_text ?? '' });
          await client.query("update mail_outbox set status = 'SENT', sent_at = now(), attempts = attempts + 1, body_text = null, last_error = null where id = $1", [row.id]);
          delivered++;
        } catch (error) {
          const attempts = row.attempts + 1;
          const failed = attempts >= retry.maxAttempts;
          await client.query(
            `update mail_outbox set attempts = $2, last_error = $3, status = $4, next_attempt_at = now() + make_interval(secs => $5) where id = $1`,
            [row.id, attempts, String((error as Error).message ?? error).slice(0, 1000), failed ? 'FAILED' : 'PENDING', retry.retryDelaySeconds * 2 ** (attempts - 1)],
          );
          log({ level: failed ? 'error' : 'warn', msg: failed ? 'mail failed for good' : 'mail failed, will retry', mailId: row.id, attempts, error: String(error) });
        }
      }
      return rows.length;
    });
    if (claimed < BATCH) return delivered;
  }
}
