import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { FormArray, FormControl, FormGroup } from '@angular/forms';

import { TranslationService } from '../core/i18n/translation.service';
import { applyFieldErrors, controlAt, formProblem } from './form-problem';

function form(): FormGroup {
  return new FormGroup({
    title: new FormControl('我的需求'),
    attributes: new FormGroup({ headcount: new FormControl(5000) }),
    plan: new FormGroup({
      budget: new FormArray([
        new FormGroup({ amount: new FormControl('1.00') }),
        new FormGroup({ amount: new FormControl('2.999') }),
      ]),
    }),
  });
}

const problem = {
  type: 'https://diandan.gov.cn/problems/validation-failed',
  title: 'Bad Request',
  status: 400,
  detail: 'The request is invalid.',
  code: 'VALIDATION_FAILED',
  errors: [
    { field: 'attributes.headcount', message: 'headcount must not be greater than 1000' },
    { field: 'plan.budget[1].amount', message: 'amount must be an amount of yuan' },
    { field: 'unknownField', message: 'property unknownField should not exist' },
  ],
};

describe('form problems', () => {
  it('finds the control a field path names, through groups and arrays', () => {
    const f = form();
    expect(controlAt(f, 'plan.budget[1].amount')?.value).toBe('2.999');
    expect(controlAt(f, 'attributes.headcount')?.value).toBe(5000);
    expect(controlAt(f, 'nothing.here')).toBeNull();
  });

  it('marks the named fields invalid with the server message and keeps every value as typed', () => {
    const f = form();
    expect(applyFieldErrors(f, problem)).toBe(2);
    expect(controlAt(f, 'attributes.headcount')?.errors).toEqual({ server: 'headcount must not be greater than 1000' });
    expect(controlAt(f, 'plan.budget[1].amount')?.dirty).toBe(true);
    expect(controlAt(f, 'title')?.errors).toBeNull();
    expect(f.getRawValue()).toEqual(form().getRawValue());
    // the next change clears the server's verdict
    controlAt(f, 'attributes.headcount')?.setValue(40);
    expect(controlAt(f, 'attributes.headcount')?.errors).toBeNull();
  });

  it('turns a refused submit into the text shown above the form, with one line per field', () => {
    localStorage.clear();
    const i18n = TestBed.inject(TranslationService);
    const f = form();
    const view = formProblem(new HttpErrorResponse({ status: 400, error: problem }), i18n, f);
    expect(view.status).toBe(400);
    expect(view.lines).toEqual([
      'attributes.headcount: headcount must not be greater than 1000',
      'plan.budget[1].amount: amount must be an amount of yuan',
      'unknownField: property unknownField should not exist',
    ]);
    expect(controlAt(f, 'attributes.headcount')?.invalid).toBe(true);
  });

  it('rethrows what is not an HTTP error', () => {
    expect(() => formProblem(new Error('bug'), TestBed.inject(TranslationService))).toThrow('bug');
  });
});
