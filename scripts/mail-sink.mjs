#!/usr/bin/env node
// The local stack's mail catcher (`npm start`): an SMTP server on loopback that accepts any mail, with or
// without a login, and keeps each message as an .eml file (open it in any mail client) instead of sending
// it on. MAIL_SINK_PORT (default 2525) and MAIL_SINK_DIR (default .data/mail in the repository).
// One JSON line per message on stdout. Plain SMTP, no STARTTLS: it listens on 127.0.0.1 only.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { ROOT } from './lib/paths.mjs';

const HOST = '127.0.0.1';
const port = Number(process.env.MAIL_SINK_PORT || 2525);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(JSON.stringify({ msg: 'MAIL_SINK_PORT must be a port number (1-65535)' }));
  process.exit(1);
}
// Like STACK_DATA_DIR in stack.mjs: a given directory is read from the working directory.
const dir = process.env.MAIL_SINK_DIR ? resolve(process.env.MAIL_SINK_DIR) : resolve(ROOT, '.data', 'mail');
mkdirSync(dir, { recursive: true });

let received = 0;

async function keep(raw, session) {
  received += 1;
  const file = join(dir, `${new Date().toISOString()}-${received}.eml`);
  writeFileSync(file, raw);
  const { subject } = await simpleParser(raw, {
    skipHtmlToText: true,
    skipTextToHtml: true,
    skipImageLinks: true,
  });
  const to = session.envelope.rcptTo.map((rcpt) => rcpt.address);
  console.log(JSON.stringify({ msg: 'mail received', file, to, subject: subject ?? '' }));
}

const server = new SMTPServer({
  authOptional: true,
  allowInsecureAuth: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  // Shutting down must not wait for a client's idle pooled connection.
  closeTimeout: 2000,
  onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anonymous' }),
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('error', callback);
    stream.on('end', () =>
      keep(Buffer.concat(chunks), session).then(
        () => callback(),
        (error) => callback(error),
      ),
    );
  },
});

server.on('error', (error) => {
  console.error(JSON.stringify({ msg: 'mail sink failed', error: error.message }));
  process.exit(1);
});

server.listen(port, HOST, () =>
  console.log(JSON.stringify({ msg: 'mail sink listening', host: HOST, port, dir })),
);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      console.log(JSON.stringify({ msg: 'mail sink stopped', received }));
      process.exit(0);
    });
  });
}
