import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';

/** Shortest reason accepted: "重复" (duplicate) is a reason, a blank or one stray character is not. */
export const REASON_MIN = 2;

/**
 * The reason of a decision that refuses, returns, reverses, dismisses or cancels something: required,
 * trimmed before it is checked and stored (so "   " is refused as missing, not recorded as a reason), and
 * between REASON_MIN and `max` characters. The person on the other side reads it, and the audit trail keeps it.
 */
export function IsReason(max = 500): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value)),
    IsString({ message: ({ property }) => `${property} must be text` }),
    Length(REASON_MIN, max, {
      message: ({ property }) => `${property} must give a reason of ${REASON_MIN} to ${max} characters`,
    }),
  ) as PropertyDecorator;
}
