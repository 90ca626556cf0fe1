/**
 * Recognising a citizen service number (burgerservicenummer, BSN) where none belongs (decisions.md 11: BSN
 * and names never enter the process engine). A BSN is nine digits passing the "elfproef": 9·d1 + 8·d2 + … +
 * 2·d8 − 1·d9 is a multiple of 11. One in eleven random nine-digit numbers passes, so this finds BSN-shaped
 * values, which is what a reference must never be; it cannot tell a real BSN from a lucky number.
 */
export function isBsnShaped(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** A UUID in its canonical form: random hex, so a run of nine digits in it is chance, not a BSN. */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * True when the text holds a BSN-shaped run of exactly nine digits (not part of a longer number), e.g.
 * `123456782` or `case-123456782`. Longer digit runs (amounts, timestamps) are not BSNs, nor digits inside a
 * UUID: about one random UUID in 700 has a nine-digit run that passes the elfproef, and UUIDs are what case
 * systems send as Idempotency-Key and ids (a refused UUID key was found by the webhook crash test).
 */
export function containsBsn(text: string): boolean {
  for (const match of text.replace(UUID, '-').matchAll(/(?<!\d)\d{9}(?!\d)/g)) {
    if (isBsnShaped(match[0])) return true;
  }
  return false;
}
