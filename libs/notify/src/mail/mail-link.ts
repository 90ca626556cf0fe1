/**
 * A link a mail may carry: an absolute http(s) URL. Anything else (a relative path, `javascript:`, `data:`)
 * is a bug in the caller, and a mail with a broken or unsafe call to action is worse than no mail.
 */
export function mailLink(url: string): string {
  // URL parsing silently drops tabs and line breaks; a link with them would differ between text and HTML.
  if (/[\s\p{Cc}]/u.test(url)) throw new RangeError(`a URL with white space: ${JSON.stringify(url)}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`not an absolute URL: ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new RangeError(`not an http(s) URL: ${JSON.stringify(url)}`);
  }
  return url;
}
