import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

/** argon2id with the library's defaults (m = 64 MiB, t = 3, p = 4). */
@Injectable()
export class PasswordHasher {
  /** A valid hash of a random secret, verified against when the username is unknown (same timing). */
  private readonly dummy = argon2.hash(`dummy-${Math.random()}`, { type: argon2.argon2id });

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash ?? (await this.dummy), password);
    } catch {
      return false;
    }
  }
}
