import { AbstractControl, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';

/**
 * `Validators.required` as a plain function. Referencing the static method directly trips
 * typescript-eslint's `unbound-method` rule in its default setting.
 */
export const required: ValidatorFn = (control: AbstractControl): ValidationErrors | null =>
  Validators.required(control);
