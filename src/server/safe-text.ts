// Text from documents and from askers is untrusted when a channel renders it: a passage may carry a
// phishing link or a broadcast, a question may carry control characters. These helpers keep such text
// readable but inert; each channel's renderer adds its own escaping (Slack mrkdwn, card markdown).

// C0/C1 control characters except tab and newline, plus bidi overrides (text that displays reversed).
const controlChars = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function stripControlChars(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(controlChars, '');
}

const urlPattern = /\b(?:https?|ftp):\/\/[^\s<>"'`|)\]]+/gi;

/**
 * URLs that are not one of the allowed source URLs are kept as text but made non-clickable: a word
 * joiner (U+2060, invisible) after the scheme's colon stops chat clients from auto-linking them.
 */
export function defangUrls(text: string, allowed: Iterable<string> = []): string {
  const ok = new Set(allowed);
  return text.replace(urlPattern, (url) => (ok.has(url) ? url : url.replace('://', ':\u2060//')));
}

/** True when the text still holds a clickable URL that is not one of the allowed ones. */
export function hasForeignUrl(text: string, allowed: Iterable<string> = []): boolean {
  const ok = new Set(allowed);
  return (text.match(urlPattern) ?? []).some((u) => !ok.has(u));
}
