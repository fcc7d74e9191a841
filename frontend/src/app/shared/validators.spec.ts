import { FormControl } from '@angular/forms';

import { isReason, reason } from './validators';

describe('reason', () => {
  const check = (value: unknown) => reason(new FormControl(value));

  it('refuses a missing or blank reason as required', () => {
    for (const value of [null, undefined, '', '   ', '\n\t']) expect(check(value)).toEqual({ required: true });
  });

  it('refuses one character, trimmed, as too short (the API needs 2)', () => {
    expect(check(' 否 ')).toEqual({ reason: { min: 2 } });
    expect(isReason(' 否 ')).toBe(false);
  });

  it('accepts two characters or more', () => {
    expect(check('重复')).toBeNull();
    expect(check('  与年度预算安排不符  ')).toBeNull();
    expect(isReason('重复')).toBe(true);
  });
});
