import { sendErrorText } from './send-error';

describe('sendErrorText: what a failed attempt keeps, without secrets', () => {
  it('keeps the code, the response code and the message', () => {
    const err = Object.assign(new Error('Can\u2019t send mail - all recipients were rejected: 451 Mailbox busy'), {
      code: 'EENVELOPE',
      responseCode: 451,
    });
    expect(sendErrorText(err)).toBe(
      'EENVELOPE 451 Can\u2019t send mail - all recipients were rejected: 451 Mailbox busy',
    );
  });

  it('hides URL credentials, configured secrets and authorization values', () => {
    const err = new Error(
      'connect to smtp://diandan:pw-123456@mail.example.com failed; Authorization: Bearer tok-abcdef',
    );
    const text = sendErrorText(err, ['tok-abcdef', 'pw-123456']);
    expect(text).not.toContain('pw-123456');
    expect(text).not.toContain('tok-abcdef');
    expect(text).toContain('smtp://***@mail.example.com');
  });

  it('is one line of at most 500 characters', () => {
    const text = sendErrorText(new Error(`a\nb ${'x'.repeat(1000)}`));
    expect(text.length).toBe(500);
    expect(text).not.toContain('\n');
  });
});
