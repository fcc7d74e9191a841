import { resolve } from 'node:path';

import {
  auditCheckpointFile,
  auditSigningKeyFile,
  DEVELOPMENT_JWT_SECRET,
  envWarnings,
  mailDir,
  migrationCredentials,
  validateEnv,
} from './env';

const RANDOM = 'q8Vd0rX1mZ2Jc7aT4sYp9LkWb3NhE6uG5fRzKx0Qv';

describe('configuration: the token secret', () => {
  it('refuses to start in production with the secret published in the repository', () => {
    expect(() => validateEnv({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET: it is a published default/);
    expect(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(/JWT_SECRET/);
  });

  it('refuses a secret shorter than 32 characters, or one repeated character, in production', () => {
    expect(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(() => validateEnv({ NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(40) })).toThrow(/repeats one character/);
  });

  it('starts in production with a random secret', () => {
    expect(validateEnv({ NODE_ENV: 'production', JWT_SECRET: RANDOM }).JWT_SECRET).toBe(RANDOM);
  });

  it('starts with the development default outside production, but warns loudly', () => {
    const env = validateEnv({ NODE_ENV: 'development' });
    expect(envWarnings(env).join('\n')).toMatch(/JWT_SECRET: it is a published default — anyone can forge/);
    expect(envWarnings(validateEnv({ NODE_ENV: 'development', JWT_SECRET: RANDOM, DB_USER: 'diandan_app' }))).toEqual(
      [],
    );
  });

  it('warns when the application connects as the administrative account', () => {
    const env = validateEnv({ NODE_ENV: 'development', JWT_SECRET: RANDOM, DB_USER: 'root' });
    expect(envWarnings(env).join('\n')).toMatch(
      /DB_USER: the application connects as the administrative account "root"/,
    );
  });
});

describe('configuration: database accounts and audit files', () => {
  it('migrates with DB_MIGRATION_USER, or with DB_USER when it is not set', () => {
    expect(migrationCredentials(validateEnv({ DB_USER: 'app', DB_PASSWORD: 'p' }))).toEqual({
      user: 'app',
      password: 'p',
    });
    expect(
      migrationCredentials(
        validateEnv({ DB_USER: 'app', DB_PASSWORD: 'p', DB_MIGRATION_USER: 'mig', DB_MIGRATION_PASSWORD: 'm' }),
      ),
    ).toEqual({ user: 'mig', password: 'm' });
  });

  it('keeps the signing key and one checkpoint file per database outside the repository tree by default', () => {
    const env = validateEnv({ DB_NAME: 'diandan' });
    expect(auditSigningKeyFile(env)).toMatch(/\/var\/audit\/signing-key\.pem$/);
    expect(auditCheckpointFile(env)).toMatch(/\/var\/audit\/checkpoints-diandan\.jsonl$/);
    expect(auditCheckpointFile(validateEnv({ AUDIT_CHECKPOINT_FILE: '/srv/anchor/c.jsonl' }))).toBe(
      '/srv/anchor/c.jsonl',
    );
  });

  it('refuses an account host that could inject SQL', () => {
    expect(() => validateEnv({ DB_ACCOUNT_HOST: "%' OR 1" })).toThrow(/DB_ACCOUNT_HOST/);
  });
});

describe('configuration: e-mail and SMS', () => {
  it('defaults to mail files in var/mail (tmp/mail under test) and the log for SMS, with links to localhost', () => {
    const env = validateEnv({});
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.PUBLIC_BASE_URL).toBe('http://localhost:3000');
    expect(mailDir(env)).toBe(resolve('var/mail'));
    expect(mailDir(validateEnv({ NODE_ENV: 'test' }))).toBe(resolve('tmp/mail'));
    expect(env.NOTIFY_ATTEMPTS).toBe(5);
  });

  it('refuses a mail server, gateway or public address that is not a URL of its kind', () => {
    expect(() => validateEnv({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
    expect(() => validateEnv({ SMS_GATEWAY_URL: 'ftp://sms' })).toThrow(/SMS_GATEWAY_URL/);
    expect(() => validateEnv({ PUBLIC_BASE_URL: 'diandan.example.cn' })).toThrow(/PUBLIC_BASE_URL/);
    expect(() => validateEnv({ MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM/);
    expect(() => validateEnv({ NOTIFY_ATTEMPTS: '0' })).toThrow(/NOTIFY_ATTEMPTS/);
    expect(validateEnv({ SMTP_URL: 'smtps://u:p@mail.example.com:465' }).SMTP_URL).toBe(
      'smtps://u:p@mail.example.com:465',
    );
  });

  it('warns in production when mails would only be written to files', () => {
    const env = validateEnv({ NODE_ENV: 'production', JWT_SECRET: RANDOM });
    expect(envWarnings(env).join('\n')).toContain('SMTP_URL is not set');
  });
});
