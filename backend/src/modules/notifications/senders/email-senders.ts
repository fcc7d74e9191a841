import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, Transporter } from 'nodemailer';

import { EmailSender, OutgoingEmail } from './senders';

function message(from: string, mail: OutgoingEmail) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: {
      'X-Diandan-Delivery': mail.reference,
      'Content-Language': mail.locale,
      'Auto-Submitted': 'auto-generated',
    },
  };
}

/**
 * The real adapter: SMTP through nodemailer (SMTP_URL), over a small pool of connections (as many as the worker sends
 * at once), every phase bounded by the send timeout.
 */
export class SmtpEmailSender extends EmailSender {
  readonly kind = 'smtp';
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
    timeoutMs: number,
  ) {
    super();
    const u = new URL(url);
    this.transport = createTransport({
      host: u.hostname,
      port: u.port ? Number(u.port) : u.protocol === 'smtps:' ? 465 : 587,
      secure: u.protocol === 'smtps:',
      auth: u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : undefined,
      // A local test server or a relay without a certificate of its own name: `?tls=insecure` (never for the internet).
      tls: u.searchParams.get('tls') === 'insecure' ? { rejectUnauthorized: false } : undefined,
      pool: true,
      maxConnections: 4,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
  }

  async send(mail: OutgoingEmail): Promise<void> {
    await this.transport.sendMail(message(this.from, mail));
  }

  override async close(): Promise<void> {
    this.transport.close();
  }
}

/**
 * Without SMTP (development, the demo): each mail is written as a standard `.eml` file (RFC 5322, what an SMTP
 * server would have received) into MAIL_DIR — open it with any mail program, or read it as text. Written to a
 * temporary name and renamed, so a reader never sees half a file.
 */
export class FileEmailSender extends EmailSender {
  readonly kind = 'file';
  private readonly transport: Transporter;

  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {
    super();
    this.transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  async send(mail: OutgoingEmail): Promise<void> {
    const info = (await this.transport.sendMail(message(this.from, mail))) as { message: Buffer };
    await mkdir(this.dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const safeTo = mail.to.replace(/[^A-Za-z0-9@._-]/g, '_');
    const name = `${stamp}-delivery-${mail.reference}-${safeTo}.eml`;
    const tmp = join(this.dir, `.${name}.tmp`);
    await writeFile(tmp, info.message);
    await rename(tmp, join(this.dir, name));
  }
}
