import { createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { keyIdOf } from '../domain/checkpoints';

/**
 * The Ed25519 key that signs checkpoints lives in a file (PKCS#8 PEM, mode 0600), never in the database and
 * never in the repository: whoever can write the database must not be able to sign (ADR 0004).
 */
export function readSigningKey(file: string): KeyObject | null {
  if (!existsSync(file)) return null;
  const key = createPrivateKey(readFileSync(file));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file}: not an Ed25519 private key`);
  return key;
}

/** Creates the key file if it does not exist yet (exclusively: two processes starting together keep one key). */
export function ensureSigningKey(file: string): { key: KeyObject; created: boolean; keyId: string } {
  const existing = readSigningKey(file);
  if (existing) return { key: existing, created: false, keyId: keyIdOf(existing) };
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  try {
    writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const other = readSigningKey(file) as KeyObject;
    return { key: other, created: false, keyId: keyIdOf(other) };
  }
  return { key: privateKey, created: true, keyId: keyIdOf(privateKey) };
}

export function publicKeyPem(key: KeyObject): string {
  return createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
}

/** A public key given as PEM text (SPKI), or a private key from which it is derived. */
export function parsePublicKey(pem: string): KeyObject {
  const key = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 key');
  return key;
}
