import { AbstractControl, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';

/**
 * `Validators.required` as a plain function. Referencing the static method directly trips
 * typescript-eslint's `unbound-method` rule in its default setting.
 */
export const required: ValidatorFn = (control: AbstractControl): ValidationErrors | null =>
  Validators.required(control);

/** Shortest reason the API accepts (backend `REASON_MIN`): "重复" is a reason, a blank or one stray character is not. */
export const REASON_MIN = 2;

/**
 * The reason of a refusal, return, reversal, dismissal or cancellation: required, and at least
 * REASON_MIN characters once trimmed (the API trims it and refuses blanks with a 400).
 * Errors: `required` when blank, `reason` when too short.
 */
export const reason: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  const value: unknown = control.value;
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') return { required: true };
  return text.length < REASON_MIN ? { reason: { min: REASON_MIN } } : null;
};

/** True when `text` would pass `reason` (for forms that keep plain fields rather than controls). */
export function isReason(text: string | null | undefined): boolean {
  return (text ?? '').trim().length >= REASON_MIN;
}

/** A phone number as the API takes it (backend `PHONE`): 6–19 digits, optionally starting with +. */
export const PHONE_PATTERN = /^\+?[0-9]{6,19}$/;

/** An e-mail address (name@domain.tld, no spaces); the server checks it fully (400 naming `email`). */
export const EMAIL_PATTERN = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[A-Za-z]{2,}$/;
export const EMAIL_MAX = 254;
