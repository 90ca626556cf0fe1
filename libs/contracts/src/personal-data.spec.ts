import { containsBsn, isBsnShaped } from '@app/contracts';

describe('BSN recognition (elfproef)', () => {
  it('accepts the well-known test BSNs', () => {
    // 9·1+8·2+7·3+6·4+5·5+4·6+3·7+2·8 = 156, 156 − 2 = 154 = 14·11.
    expect(isBsnShaped('123456782')).toBe(true);
    // 9·1+8·1+7·1+6·1+5·1+4·1+3·1+2·1 = 44, 44 − 0 = 44 = 4·11.
    expect(isBsnShaped('111111110')).toBe(true);
  });

  it('refuses numbers that fail the check, have another length or are all zeros', () => {
    expect(isBsnShaped('123456789')).toBe(false); // 156 − 9 = 147, not a multiple of 11
    expect(isBsnShaped('12345678')).toBe(false);
    expect(isBsnShaped('1234567820')).toBe(false);
    expect(isBsnShaped('000000000')).toBe(false);
    expect(isBsnShaped('12345678a')).toBe(false);
  });

  it('finds a BSN inside a reference but not inside a longer number', () => {
    expect(containsBsn('CASE-123456782')).toBe(true);
    expect(containsBsn('123456782')).toBe(true);
    expect(containsBsn('x123456782y')).toBe(true);
    expect(containsBsn('1123456782')).toBe(false);
    expect(containsBsn('CASE-2026-0001')).toBe(false);
    expect(containsBsn('amount 540000 cents')).toBe(false);
  });
});

describe('containsBsn and UUIDs', () => {
  it('never refuses a random UUID, however its hex falls', () => {
    const { randomUUID } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    for (let i = 0; i < 20_000; i++) expect(containsBsn(randomUUID())).toBe(false);
    // A UUID whose last group holds an elfproef-passing nine-digit run (123456782).
    expect(containsBsn('0f8fad5b-d9cb-469f-a165-a123456782bc')).toBe(false);
    expect(containsBsn('key-123456782')).toBe(true);
  });
});
