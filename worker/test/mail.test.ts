import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createMailTransport } from '@ubos/worker';

// The SMTP transport, with the real nodemailer client, against a local SMTP server (the
// smtp-server package) standing in for the firm's mail relay: authentication and the message
// as the relay receives it.

const received: Array<{ from: string; to: string[]; raw: string; user?: string }> = [];
let server: SMTPServer;
let port: number;

beforeAll(async () => {
  server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'relay' && auth.password === 'relay-secret') return callback(null, { user: 'relay' });
      return callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: session.user as string | undefined,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the SMTP mail transport', () => {
  it('hands the mail to the relay with its credentials, sender, recipient and body', async () => {
    const transport = createMailTransport({ smtpUrl: `smtp://relay:relay-secret@127.0.0.1:${port}`, from: 'UBOS <no-reply@firm.example>', dir: '/nonexistent' });
    try {
      expect(transport.description).toBe(`smtp://127.0.0.1:${port}`);
      await transport.send({ id: '0190f5a1-0000-7000-8000-000000000001', to: 'new.person@example.com', subject: 'You are invited', text: 'Token: abc' });
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({ from: 'no-reply@firm.example', to: ['new.person@example.com'], user: 'relay' });
      expect(received[0]!.raw).toMatch(/^Subject: You are invited$/m);
      expect(received[0]!.raw).toContain('Token: abc');
    } finally {
      transport.close?.();
    }
  });

  it('fails when the relay refuses the credentials, so the mail step retries', async () => {
    const transport = createMailTransport({ smtpUrl: `smtp://relay:wrong@127.0.0.1:${port}`, from: 'UBOS <no-reply@firm.example>', dir: '/nonexistent' });
    try {
      await expect(transport.send({ id: '0190f5a1-0000-7000-8000-000000000002', to: 'x@example.com', subject: 'S', text: 'T' })).rejects.toThrow(/Invalid/);
    } finally {
      transport.close?.();
    }
  });
});
