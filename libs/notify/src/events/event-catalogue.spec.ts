import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CASE_STATE_CHANGES,
  EVENT_CATALOGUE,
  isKnownEventType,
  NOTICE_TOPICS,
  noticeEventType,
  stateChangeEventType,
  TRAJECTORY_STATE_CHANGES,
} from '@app/notify';

const DOMAIN = resolve(__dirname, '..', '..', '..', 'domain', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

/** Every string literal the domain passes as an audit type or a notice topic. */
function literalsAfter(pattern: RegExp): Set<string> {
  const found = new Set<string>();
  for (const text of sources(DOMAIN)) {
    for (const match of text.matchAll(pattern)) {
      for (const literal of match[1].matchAll(/'([A-Z_]+)'/g)) found.add(literal[1]);
    }
  }
  return found;
}

describe('event catalogue', () => {
  it('names every audit type the trajectory records (recordAudit calls in libs/domain)', () => {
    const audited = literalsAfter(/recordAudit\(\s*draft,\s*([^,]+),/g);
    expect(audited.size).toBeGreaterThan(25);
    expect([...audited].filter((t) => !(t in TRAJECTORY_STATE_CHANGES))).toEqual([]);
  });

  it('names every audit type and notice of the breakthrough-table case', () => {
    const audited = literalsAfter(/\baudit\(\s*draft,\s*([^,]+),/g);
    expect([...audited].sort()).toEqual(Object.keys(CASE_STATE_CHANGES).sort());
  });

  it('names every notice topic the domain raises', () => {
    const raised = literalsAfter(/\bnotify\(\s*draft,\s*([^,]+),/g);
    expect(raised.size).toBeGreaterThan(10);
    expect([...raised].filter((t) => !(t in NOTICE_TOPICS))).toEqual([]);
  });

  it('gives versioned, unique, kebab-case type names', () => {
    const types = EVENT_CATALOGUE.map((e) => e.type);
    expect(new Set(types).size).toBe(types.length);
    for (const type of types)
      expect(type).toMatch(/^(trajectory|breakthrough-case|notice|chain)\.[a-z-]+\.v1$/);
    expect(stateChangeEventType('trajectory', 'PLAN_APPROVED')).toBe('trajectory.plan-approved.v1');
    expect(stateChangeEventType('case', 'CASE_DECIDED')).toBe('breakthrough-case.decided.v1');
    expect(noticeEventType('DECISION_ISSUED')).toBe('notice.decision-issued.v1');
    expect(isKnownEventType('notice.decision-issued.v1')).toBe(true);
    expect(isKnownEventType('notice.decision-issued.v2')).toBe(false);
  });
});
