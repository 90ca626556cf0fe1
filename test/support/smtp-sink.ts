import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** A mail as the sink received it: the envelope's addresses and the parsed message. */
export interface ReceivedMail {
  /** The envelope sender (MAIL FROM). */
  from: string;
  /** The envelope recipients (RCPT TO). */
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** With its angle brackets, e.g. '<mail-1@perspectiefplan.local>'. */
  messageId: string;
  /** Lower-cased names; the first of repeated headers; decoded where the parser gives text, else raw. */
  headers: Record<string, string>;
  /** The user name the client logged in with, if it did. */
  user?: string;
}

export interface SmtpSink {
  host: string;
  port: number;
  /** Every mail accepted so far, in order of arrival. */
  messages: ReceivedMail[];
  /** The first mail, received or still to come, that matches; rejects after `timeoutMs` (default 5 s). */
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  /** Answer the next `count` messages with 451 (a temporary failure) and drop them, to test retries. */
  failNext(count: number): void;
  close(): Promise<void>;
}

interface Waiter {
  predicate: (mail: ReceivedMail) => boolean;
  resolve: (mail: ReceivedMail) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

const HOST = '127.0.0.1';

function headersOf(parsed: Awaited<ReturnType<typeof simpleParser>>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of parsed.headerLines) {
    const name = key.toLowerCase();
    if (Object.hasOwn(headers, name)) continue;
    const decoded = parsed.headers.get(name);
    headers[name] =
      typeof decoded === 'string'
        ? decoded
        : line
            .slice(line.indexOf(':') + 1)
            .replace(/\r?\n[ \t]+/g, ' ')
            .trim();
  }
  return headers;
}

function address(value: SMTPServerAddress | false): string {
  return value === false ? '' : value.address;
}

/**
 * A real SMTP server on loopback for tests: it speaks SMTP to the code under test exactly as a relay
 * would, keeps what it receives in memory, and can fail on request. It accepts any sender, recipient and
 * login, without TLS: it is for 127.0.0.1 only.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiters = new Set<Waiter>();
  let failing = 0;

  const deliver = (mail: ReceivedMail) => {
    messages.push(mail);
    for (const waiter of waiters) {
      if (!waiter.predicate(mail)) continue;
      clearTimeout(waiter.timer);
      waiters.delete(waiter);
      waiter.resolve(mail);
    }
  };

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    // A client that keeps its pooled connection open must not hold up close() for the default 30 s.
    closeTimeout: 1_000,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anonymous' }),
    onData: (stream, session, callback) => {
      simpleParser(stream).then(
        (parsed) => {
          if (failing > 0) {
            failing -= 1;
            callback(
              Object.assign(new Error('Temporary failure, please try again later'), { responseCode: 451 }),
            );
            return;
          }
          deliver({
            from: address(session.envelope.mailFrom),
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
            messageId: parsed.messageId ?? '',
            headers: headersOf(parsed),
            ...(typeof session.user === 'string' ? { user: session.user } : {}),
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.on('error', reject);
    const listening = server.listen(0, HOST, () => {
      const bound = listening.address();
      if (bound === null || typeof bound === 'string') reject(new Error('the SMTP sink has no TCP port'));
      else resolve(bound.port);
    });
  });

  return {
    host: HOST,
    port,
    messages,
    waitFor(predicate, timeoutMs = 5_000) {
      const found = messages.find(predicate);
      if (found !== undefined) return Promise.resolve(found);
      return new Promise<ReceivedMail>((resolve, reject) => {
        const waiter: Waiter = {
          predicate,
          resolve,
          reject,
          timer: setTimeout(() => {
            waiters.delete(waiter);
            const got = messages.map((m) => JSON.stringify(m.subject)).join(', ') || 'none';
            reject(new Error(`no matching mail within ${timeoutMs} ms (received: ${got})`));
          }, timeoutMs),
        };
        waiters.add(waiter);
      });
    },
    failNext(count) {
      failing = count;
    },
    async close() {
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new Error('the SMTP sink closed'));
      }
      waiters.clear();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
