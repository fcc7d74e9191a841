import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const LINE = /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/;

/** The `KEY=value` lines of an env file (comments and blank lines skipped, surrounding quotes removed). */
export function readEnvFile(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(file)) return out;
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = LINE.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    out[m[1]] = m[2].replace(/^(['"])(.*)\1$/, '$2');
  }
  return out;
}

/** Loads `KEY=value` lines of `.env` in the working directory into process.env (never overriding). */
export function loadDotEnv(file = resolve(process.cwd(), '.env')): void {
  for (const [key, value] of Object.entries(readEnvFile(file))) {
    if (process.env[key] === undefined) process.env[key] = value;
  }
}

/**
 * Sets `changes` in an env file: an existing `KEY=` line is replaced in place, a new key is appended; every other
 * line stays as it is. The file holds secrets, so it is (re)written readable by its owner only.
 */
export function updateEnvFile(file: string, changes: Record<string, string>, note: string): void {
  const lines = existsSync(file) ? readFileSync(file, 'utf8').replace(/\n$/, '').split(/\r?\n/) : [];
  const pending = new Map(Object.entries(changes));
  const out = lines.map((line) => {
    const m = LINE.exec(line);
    if (!m || line.trimStart().startsWith('#') || !pending.has(m[1])) return line;
    const value = pending.get(m[1]) as string;
    pending.delete(m[1]);
    return `${m[1]}=${value}`;
  });
  if (pending.size > 0) {
    if (out.length > 0 && out[out.length - 1] !== '') out.push('');
    out.push(`# ${note}`);
    for (const [key, value] of pending) out.push(`${key}=${value}`);
  }
  writeFileSync(file, `${out.join('\n')}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}
