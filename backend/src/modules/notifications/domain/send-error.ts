/**
 * The text kept in `last_error` and shown to administrators: what the server or gateway answered, never a
 * credential. A URL's user and password, the configured secrets (SMTP password, gateway token) and anything that
 * looks like an Authorization header are replaced; the text is one line of at most 500 characters.
 */
export function sendErrorText(err: unknown, secrets: ReadonlyArray<string | null | undefined> = []): string {
  const e = err as { code?: unknown; responseCode?: unknown; message?: unknown } | null;
  const parts: string[] = [];
  if (e && typeof e.code === 'string') parts.push(e.code);
  if (e && typeof e.responseCode === 'number') parts.push(String(e.responseCode));
  const message = e && typeof e.message === 'string' ? e.message : String(err);
  parts.push(message);
  let text = parts.join(' ').replace(/\s+/g, ' ').trim();
  text = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi, '$1***@');
  text = text.replace(/(authorization|bearer|token|password|passwd|pass)(\s*[:=]\s*|\s+)\S+/gi, '$1$2***');
  for (const secret of secrets) {
    if (secret && secret.length >= 4) text = text.split(secret).join('***');
  }
  return text.length > 500 ? `${text.slice(0, 499)}…` : text;
}
