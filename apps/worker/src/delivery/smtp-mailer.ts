import { createTransport, type Transporter } from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';

export interface SmtpSettings {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); false: plain, upgraded with STARTTLS where the server offers it. */
  secure: boolean;
  user?: string;
  password?: string;
  /** The From address, e.g. 'Perspectiefplan <noreply@gemeente.example>'. */
  from: string;
  /** Refuse to send unless STARTTLS succeeds (set it for any relay outside the host). */
  requireTls?: boolean;
  connectionTimeoutMs?: number;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** '<mail-123@perspectiefplan.local>', stable per message, so a retried send can be de-duplicated. */
  messageId: string;
  language: 'nl' | 'en';
  headers?: Record<string, string>;
}

export interface SmtpSendResult {
  accepted: boolean;
  response: string;
}

/**
 * A send the SMTP server refused or that never reached it. `permanent` is a 5xx answer (e.g. an unknown
 * mailbox): retrying will not help. The message holds codes only; the server's own words, which may name
 * the recipient's address, stay in `cause` and are not for logs.
 */
export class SmtpSendError extends Error {
  constructor(
    readonly code: string | undefined,
    readonly responseCode: number | undefined,
    readonly permanent: boolean,
    cause: unknown,
  ) {
    super(`SMTP send failed (${code ?? 'unknown'}${responseCode === undefined ? '' : ` ${responseCode}`})`, {
      cause,
    });
    this.name = 'SmtpSendError';
  }
}

const MESSAGE_ID = /^<[^<>@\s]+@[^<>@\s]+>$/;
const DEFAULT_CONNECTION_TIMEOUT_MS = 10_000;
/** An idle pooled connection is dropped after this, so a relay's idle limit never surprises a send. */
const SOCKET_TIMEOUT_MS = 60_000;

/**
 * Sends mail to people through an SMTP relay. Nodemailer does the SMTP: it is maintained, and gets the hard
 * parts right (MIME multipart/alternative, encoded-word headers for Dutch letters, quoted-printable bodies,
 * STARTTLS and authentication), which a hand-written client would not. A small pool (2 connections) reuses
 * sessions for a burst of notices without flooding the relay. A failed send throws; the caller retries,
 * and the stable Message-ID lets receivers drop a duplicate when a retry follows a lost acknowledgement.
 */
export class SmtpMailer {
  private readonly transport: Transporter<SMTPPool.SentMessageInfo, SMTPPool.Options>;

  constructor(private readonly settings: SmtpSettings) {
    const connectionTimeout = settings.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS;
    this.transport = createTransport({
      pool: true,
      maxConnections: 2,
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      requireTLS: settings.requireTls ?? false,
      tls: { minVersion: 'TLSv1.2' },
      ...(settings.user !== undefined
        ? { auth: { user: settings.user, pass: settings.password ?? '' } }
        : {}),
      connectionTimeout,
      greetingTimeout: connectionTimeout,
      socketTimeout: SOCKET_TIMEOUT_MS,
    });
  }

  async send(mail: OutgoingMail): Promise<SmtpSendResult> {
    if (!MESSAGE_ID.test(mail.messageId)) {
      throw new RangeError(`not a Message-ID of the form <local@domain>: ${JSON.stringify(mail.messageId)}`);
    }
    const extra = Object.entries(mail.headers ?? {}).filter(
      ([name]) => name.toLowerCase() !== 'content-language',
    );
    let info: SMTPPool.SentMessageInfo;
    try {
      info = await this.transport.sendMail({
        from: this.settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: {
          // RFC 3834: an automatic message, so out-of-office replies and auto-responders stay quiet.
          'Auto-Submitted': 'auto-generated',
          'X-Auto-Response-Suppress': 'All',
          ...Object.fromEntries(extra),
          'Content-Language': mail.language,
        },
        // The content is ours; no path or URL in it may make nodemailer read a file or fetch a page.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    } catch (error) {
      const { code, responseCode } = error as { code?: string; responseCode?: number };
      throw new SmtpSendError(code, responseCode, responseCode !== undefined && responseCode >= 500, error);
    }
    return { accepted: info.accepted.length > 0 && info.rejected.length === 0, response: info.response };
  }

  /** Closes the pooled connections; a message being sent finishes first. */
  close(): void {
    this.transport.close();
  }
}
