import { returningRows } from '@app/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import {
  isMailTopic,
  noticeEventId,
  renderDigestMail,
  renderNoticeMail,
  type DigestItem,
  type MailAudience,
  type PageLinks,
  type RenderedMail,
} from '@app/notify';
import { contactOf, type MailContactRow } from './mail-contacts';

export interface ClaimedMail {
  id: string;
  to: string;
  language: 'nl' | 'en';
  subject: string;
  text: string;
  html: string;
  attempts: number;
  dedupeKey: string;
}

interface NoticeRow {
  id: string;
  trajectory_id: string;
  topic: string;
  audience: string;
  ids: Record<string, string>;
  created_at: Date;
  municipality_code: string | null;
  provider_id: string | null;
}

/** Notice audiences and whose contacts read them: the drafters' mail goes to the lead provider's contact. */
const CONTACT_AUDIENCE: Partial<Record<string, MailContactRow['audience']>> = {
  LOCAL_TEAM: 'LOCAL_TEAM',
  PROVIDER: 'PROVIDER',
  DRAFTERS: 'PROVIDER',
  BREAKTHROUGH_TABLE: 'BREAKTHROUGH_TABLE',
  CONTRACT_MANAGEMENT: 'CONTRACT_MANAGEMENT',
  FINANCE: 'FINANCE',
};

/**
 * The mail outbox (issue 16): notices become one mail per contact of the role they are for, the daily digest
 * one mail per contact with something waiting; a sender claims them with `SKIP LOCKED` and a lease. Each mail
 * has a dedupe key (notice and contact, or contact and day), so composing twice never mails twice.
 */
export class MailOutbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly links: PageLinks,
  ) {}

  /**
   * Turns up to `limit` undelivered notices into mails. A notice the templates cannot render (a topic or id
   * they do not know) is still marked read, so it never blocks the ones after it; its id is returned for the
   * log, and its event went out as any other.
   */
  async composeNotices(limit = 100): Promise<{ handled: number; unrendered: string[] }> {
    return this.dataSource.transaction(async (tx) => {
      const notices: NoticeRow[] = await tx.query(
        `SELECT n.id, n.trajectory_id, n.topic, n.audience, n.ids, n.created_at, t.municipality_code, t.provider_id
         FROM notification n LEFT JOIN trajectory t ON t.trajectory_id = n.trajectory_id
         WHERE n.delivered_at IS NULL ORDER BY n.created_at, n.id LIMIT $1 FOR UPDATE OF n SKIP LOCKED`,
        [limit],
      );
      const unrendered: string[] = [];
      for (const notice of notices) {
        if (!isMailTopic(notice.topic)) continue;
        // The provider the notice was for is the one on its event (the lead provider then), not today's.
        const [event]: { provider_id: string | null }[] = await tx.query(
          `SELECT provider_id FROM lifecycle_event WHERE event_id = $1`,
          [noticeEventId(notice.id)],
        );
        if (event) notice.provider_id = event.provider_id;
        for (const contact of await contactsFor(tx, notice)) {
          let mail: RenderedMail;
          try {
            mail = this.render(notice, contact);
          } catch {
            unrendered.push(notice.id);
            break;
          }
          await insertMail(tx, `notice:${notice.id}:${contact.id}`, contact, 'NOTICE', mail);
        }
      }
      if (notices.length > 0) {
        await tx.query(`UPDATE notification SET delivered_at = now() WHERE id = ANY($1::text[])`, [
          notices.map((n) => n.id),
        ]);
      }
      return { handled: notices.length, unrendered };
    });
  }

  private render(notice: NoticeRow, contact: MailContactRow): RenderedMail {
    const escalationId = notice.ids.escalationId;
    return renderNoticeMail({
      topic: notice.topic,
      audience: notice.audience as MailAudience,
      language: contact.language,
      trajectoryId: notice.trajectory_id,
      escalationId,
      ids: notice.ids,
      actionUrl: escalationId
        ? this.links.tableCase(escalationId)
        : this.links.trajectory(notice.trajectory_id, contact.audience),
      occurredAt: notice.created_at.toISOString(),
    });
  }

  /**
   * The daily digest of `day` (the local date) for every contact that wants one and has something waiting;
   * `once` makes it a no-op when that day's digests were already composed (the scheduler, on any replica).
   */
  async composeDigests(day: string, options: { once: boolean }): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      if (options.once) {
        const claimed: unknown[] = await tx.query(
          `INSERT INTO digest_run (day) VALUES ($1::date) ON CONFLICT DO NOTHING RETURNING day`,
          [day],
        );
        if (claimed.length === 0) return 0;
      }
      const contacts: MailContactRow[] = (
        await tx.query(
          `SELECT id, municipality_code, provider_id, audience, email, language, per_event, digest, created_at
           FROM mail_contact WHERE digest ORDER BY id`,
        )
      ).map(contactOf);
      let composed = 0;
      for (const contact of contacts) {
        const items = await digestItems(tx, contact, this.links);
        if (items.length === 0) continue;
        const mail = renderDigestMail({
          language: contact.language,
          audience: contact.audience,
          date: day,
          items,
          worklistUrl: this.links.worklist(contact.audience),
        });
        if (await insertMail(tx, `digest:${contact.id}:${day}`, contact, 'DIGEST', mail)) composed += 1;
      }
      return composed;
    });
  }

  async claim(limit: number, leaseMs: number): Promise<ClaimedMail[]> {
    const rows = returningRows<{
      id: string;
      email: string;
      language: 'nl' | 'en';
      subject: string;
      text_body: string;
      html_body: string;
      attempts: number;
      dedupe_key: string;
    }>(
      await this.dataSource.query(
        `WITH due AS (
           SELECT m.id FROM mail_message m
           WHERE m.status = 'PENDING' AND m.next_attempt_at <= now()
             AND (m.lease_until IS NULL OR m.lease_until < now())
           ORDER BY m.next_attempt_at, m.id LIMIT $1 FOR UPDATE SKIP LOCKED)
         UPDATE mail_message m SET lease_until = now() + $2 * interval '1 millisecond', attempts = m.attempts + 1
         FROM due, mail_contact c
         WHERE m.id = due.id AND c.id = m.contact_id
         RETURNING m.id::text AS id, c.email, m.language, m.subject, m.text_body, m.html_body, m.attempts,
           m.dedupe_key`,
        [limit, leaseMs],
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      to: r.email,
      language: r.language,
      subject: r.subject,
      text: r.text_body,
      html: r.html_body,
      attempts: r.attempts,
      dedupeKey: r.dedupe_key,
    }));
  }

  /** Outcomes are fenced by the attempt: a worker whose lease lapsed cannot overwrite a newer attempt's. */
  async sent(mail: Pick<ClaimedMail, 'id' | 'attempts'>): Promise<void> {
    await this.dataSource.query(
      `UPDATE mail_message SET status = 'SENT', sent_at = now(), lease_until = NULL, last_error = NULL
       WHERE id = $1 AND status = 'PENDING' AND attempts = $2`,
      [mail.id, mail.attempts],
    );
  }

  async failed(
    mail: Pick<ClaimedMail, 'id' | 'attempts'>,
    error: string,
    retryInMs: number | undefined,
  ): Promise<void> {
    await this.dataSource.query(
      retryInMs === undefined
        ? `UPDATE mail_message SET status = 'DEAD', lease_until = NULL, last_error = $3
           WHERE id = $1 AND status = 'PENDING' AND attempts = $2`
        : `UPDATE mail_message SET next_attempt_at = now() + $4 * interval '1 millisecond', lease_until = NULL,
             last_error = $3 WHERE id = $1 AND status = 'PENDING' AND attempts = $2`,
      [mail.id, mail.attempts, error.slice(0, 300), ...(retryInMs === undefined ? [] : [retryInMs])],
    );
  }

  /** Forgets mail sent more than `days` ago; mail still to send and mail given up (for an operator) are kept. */
  async purgeSent(days: number): Promise<number> {
    const rows = returningRows<{ id: string }>(
      await this.dataSource.query(
        `DELETE FROM mail_message WHERE status = 'SENT' AND sent_at < now() - $1 * interval '1 day'
         RETURNING id`,
        [days],
      ),
    );
    return rows.length;
  }

  async backlog(): Promise<{
    pending: number;
    dead: number;
    oldestDueSeconds: number;
    unreadNotices: number;
  }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM mail_message WHERE status = 'PENDING') AS pending,
              (SELECT count(*)::int FROM mail_message WHERE status = 'DEAD') AS dead,
              (SELECT coalesce(extract(epoch FROM now() - min(next_attempt_at)), 0)::float FROM mail_message
                 WHERE status = 'PENDING' AND next_attempt_at <= now()) AS oldest_due,
              (SELECT count(*)::int FROM notification WHERE delivered_at IS NULL) AS unread`,
    );
    return {
      pending: row.pending,
      dead: row.dead,
      oldestDueSeconds: Number(row.oldest_due),
      unreadNotices: row.unread,
    };
  }
}

async function contactsFor(tx: EntityManager, notice: NoticeRow): Promise<MailContactRow[]> {
  const audience = CONTACT_AUDIENCE[notice.audience];
  if (!audience || notice.municipality_code === null) return [];
  const byProvider = audience === 'PROVIDER';
  if (byProvider && notice.provider_id === null) return [];
  const rows = await tx.query(
    `SELECT id, municipality_code, provider_id, audience, email, language, per_event, digest, created_at
     FROM mail_contact WHERE per_event AND audience = $1 AND ${byProvider ? 'provider_id' : 'municipality_code'} = $2
     ORDER BY id`,
    [audience, byProvider ? notice.provider_id : notice.municipality_code],
  );
  return rows.map(contactOf);
}

async function insertMail(
  tx: EntityManager,
  dedupeKey: string,
  contact: MailContactRow,
  kind: 'NOTICE' | 'DIGEST',
  mail: RenderedMail,
): Promise<boolean> {
  const rows: unknown[] = await tx.query(
    `INSERT INTO mail_message (dedupe_key, contact_id, kind, language, subject, text_body, html_body)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    [dedupeKey, contact.id, kind, contact.language, mail.subject.slice(0, 300), mail.text, mail.html],
  );
  return rows.length > 0;
}

/** What waits for the contact's role, from the read model (overdue first is the template's job). */
async function digestItems(
  tx: EntityManager,
  contact: MailContactRow,
  links: PageLinks,
): Promise<DigestItem[]> {
  const trajectoryItem = (kind: DigestItem['kind'], r: { trajectory_id: string; deadline: Date | null }) => ({
    kind,
    trajectoryId: r.trajectory_id,
    deadlineAt: r.deadline?.toISOString() ?? null,
    overdue: r.deadline !== null && r.deadline.getTime() < Date.now(),
    actionUrl: links.trajectory(r.trajectory_id, contact.audience),
  });
  const caseItem = (r: {
    trajectory_id: string;
    escalation_id: string;
    deadline: Date;
    overdue: boolean;
  }) => {
    const overdue = r.overdue || r.deadline.getTime() < Date.now();
    return {
      kind: (overdue ? 'TABLE_CASE_OVERDUE' : 'TABLE_CASE_OPEN') as DigestItem['kind'],
      trajectoryId: r.trajectory_id,
      escalationId: r.escalation_id,
      deadlineAt: r.deadline.toISOString(),
      overdue,
      actionUrl: links.tableCase(r.escalation_id),
    };
  };
  const cap = 200;
  switch (contact.audience) {
    case 'LOCAL_TEAM': {
      const rows: { trajectory_id: string; kind: string; deadline: Date | null }[] = await tx.query(
        `SELECT trajectory_id, 'APPROVAL' AS kind, approval_deadline AS deadline FROM trajectory
           WHERE municipality_code = $1 AND status = 'AWAITING_APPROVAL'
         UNION ALL
         SELECT trajectory_id, CASE WHEN evaluation_overdue THEN 'EVALUATION_OVERDUE' ELSE 'EVALUATION_DUE' END,
           next_evaluation_at FROM trajectory
           WHERE municipality_code = $1 AND (evaluation_due OR evaluation_overdue) AND closed_at IS NULL
         UNION ALL
         SELECT trajectory_id, 'STATUTORY', statutory_deadline FROM trajectory
           WHERE municipality_code = $1 AND statutory_deadline < now() + interval '5 days' AND closed_at IS NULL
         ORDER BY deadline NULLS LAST LIMIT $2`,
        [contact.municipalityCode, cap],
      );
      return rows.map((r) => {
        if (r.kind === 'APPROVAL') {
          const overdue = r.deadline !== null && r.deadline.getTime() < Date.now();
          return trajectoryItem(overdue ? 'APPROVAL_OVERDUE' : 'AWAITING_APPROVAL', r);
        }
        if (r.kind === 'STATUTORY') return trajectoryItem('STATUTORY_DEADLINE', r);
        const item = trajectoryItem(r.kind as DigestItem['kind'], r);
        return r.kind === 'EVALUATION_OVERDUE' ? { ...item, overdue: true } : item;
      });
    }
    case 'PROVIDER': {
      const rows: { trajectory_id: string; deadline: Date | null }[] = await tx.query(
        `SELECT trajectory_id, provider_start_deadline AS deadline FROM trajectory
         WHERE provider_id = $1 AND status = 'DECIDED' ORDER BY provider_start_deadline NULLS LAST LIMIT $2`,
        [contact.providerId, cap],
      );
      return rows.map((r) => {
        const overdue = r.deadline !== null && r.deadline.getTime() < Date.now();
        return trajectoryItem(overdue ? 'START_OVERDUE' : 'START_PENDING', r);
      });
    }
    case 'BREAKTHROUGH_TABLE':
    case 'CONTRACT_MANAGEMENT': {
      const rows: { trajectory_id: string; escalation_id: string; deadline: Date; overdue: boolean }[] =
        await tx.query(
          `SELECT trajectory_id, escalation_id, deadline_at AS deadline, overdue FROM escalation
           WHERE municipality_code = $1 AND status IN ('OPEN', 'PROVISIONAL')
             AND ($2 OR overdue OR deadline_at < now())
           ORDER BY deadline_at LIMIT $3`,
          [contact.municipalityCode, contact.audience === 'BREAKTHROUGH_TABLE', cap],
        );
      return rows.map(caseItem);
    }
    default:
      return [];
  }
}
