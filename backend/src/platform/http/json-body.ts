import type { IncomingMessage } from 'node:http';

import { HttpInputError, HttpInputErrorCode } from './input-errors';
import { inputProblems, jsonDepthExceeds, MAX_JSON_DEPTH } from './input-text';
import { RequestValidationError } from './validation';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** True when the request announces a body (a length, even 0, or chunked transfer). */
export function announcesBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || req.headers['content-length'] !== undefined;
}

/**
 * Compressed bodies are refused outright rather than inflated under a limit: nothing the API takes is large enough to
 * need it (files are at most a few MB), and refusing removes the gzip-bomb question entirely.
 */
export function refuseContentEncoding(req: IncomingMessage): void {
  const encoding = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding !== '' && encoding !== 'identity') {
    throw new HttpInputError(
      HttpInputErrorCode.UNSUPPORTED_CONTENT_ENCODING,
      `Compressed request bodies (Content-Encoding: ${encoding.slice(0, 40)}) are not accepted; send the JSON uncompressed.`,
    );
  }
}

/** `application/json`, with no charset or charset=utf-8: the only media type of a JSON route. */
export function isJsonMediaType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || /^charset="?utf-8"?$/.test(p));
}

function tooLarge(limit: number): HttpInputError {
  return new HttpInputError(
    HttpInputErrorCode.BODY_TOO_LARGE,
    `The request body is larger than this endpoint accepts (${Math.round(limit / 1024)} KiB).`,
  );
}

/** Reads at most `limit` bytes; past it, stops keeping data (the rest is discarded as it arrives) and fails with 413. */
function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (err: Error | null, buf?: Buffer) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('close', onClose);
      if (err) {
        req.resume(); // drain and discard whatever is still coming, without keeping it
        reject(err);
      } else resolve(buf as Buffer);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) settle(tooLarge(limit));
      else chunks.push(chunk);
    };
    const onEnd = () => settle(null, Buffer.concat(chunks, size));
    const onError = (err: Error) => settle(err);
    const onClose = () => settle(new Error('The client closed the connection before the body ended.'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('close', onClose);
  });
}

/**
 * Reads and checks a JSON request body, in this order, each failure a problem and nothing parsed further:
 * compressed → 415; declared or actual size over `limit` → 413 (a declared length is refused before reading);
 * not `application/json` → 415; not UTF-8 → 400; nested deeper than {@link MAX_JSON_DEPTH} → 400 (checked on the text,
 * before anything is built); not JSON → 400; a refused key or string anywhere → 400 naming its field.
 * Returns undefined when there is no body (none announced, or zero bytes).
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  refuseContentEncoding(req);
  if (!announcesBody(req)) return undefined;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (declared === 0) return undefined;
  const contentType = req.headers['content-type'];
  // Refuse a wrong media type before reading; a chunked body may still turn out to be empty (then nothing is refused).
  if (!isJsonMediaType(contentType) && Number.isFinite(declared)) throw wrongMediaType(contentType);
  const buf = await readLimited(req, limit);
  if (buf.length === 0) return undefined;
  if (!isJsonMediaType(contentType)) throw wrongMediaType(contentType);
  let text: string;
  try {
    text = UTF8.decode(buf);
  } catch {
    throw new HttpInputError(HttpInputErrorCode.MALFORMED_JSON, 'The request body is not valid UTF-8.');
  }
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw new HttpInputError(
      HttpInputErrorCode.BODY_TOO_DEEP,
      `The request body nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpInputError(HttpInputErrorCode.MALFORMED_JSON, 'The request body is not valid JSON.');
  }
  const problems = inputProblems(value);
  if (problems.length > 0) throw new RequestValidationError(problems);
  return value;
}

function wrongMediaType(contentType: string | undefined): HttpInputError {
  return new HttpInputError(
    HttpInputErrorCode.UNSUPPORTED_MEDIA_TYPE,
    `Send the body as Content-Type: application/json (UTF-8)${contentType ? `, not ${contentType.slice(0, 80)}` : ''}.`,
  );
}
