import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';

import { DomainError, ProblemExtras } from './domain-error';
import { ProblemDetailsFilter } from './problem-details.filter';

class SomeError extends DomainError {}

describe('ProblemDetailsFilter.toProblem', () => {
  const filter = new ProblemDetailsFilter();

  it('keeps the extras of a domain error beside its members', () => {
    const p = filter.toProblem(new SomeError('X_ILLEGAL_TRANSITION', 409, 'No.', { from: 'DRAFT', to: 'OPENED' }));
    expect(p).toEqual({
      type: 'https://diandan.gov.cn/problems/x-illegal-transition',
      title: 'Conflict',
      status: 409,
      detail: 'No.',
      code: 'X_ILLEGAL_TRANSITION',
      from: 'DRAFT',
      to: 'OPENED',
    });
  });

  it('never lets an extra replace a reserved member (an extra `status` once turned a 409 into a 500)', () => {
    // The type refuses these at compile time; the cast stands for an error built from untyped data.
    const extra = {
      status: 'PUBLISHED',
      type: 'x',
      title: 'x',
      detail: 'x',
      code: 'x',
      instance: 'x',
      requestId: 'x',
      tenderStatus: 'PUBLISHED',
    } as unknown as ProblemExtras;
    const p = filter.toProblem(new SomeError('TENDER_ILLEGAL_TRANSITION', 409, 'Published.', extra));
    expect(p).toEqual({
      type: 'https://diandan.gov.cn/problems/tender-illegal-transition',
      title: 'Conflict',
      status: 409,
      detail: 'Published.',
      code: 'TENDER_ILLEGAL_TRANSITION',
      tenderStatus: 'PUBLISHED',
    });
  });

  it('keeps `errors` only as a list of field errors', () => {
    const good = filter.toProblem(new SomeError('X', 422, 'x', { errors: [{ field: 'a', message: 'm' }] }));
    expect(good.errors).toEqual([{ field: 'a', message: 'm' }]);
    const bad = filter.toProblem(new SomeError('X', 422, 'x', { errors: 'boom' } as unknown as ProblemExtras));
    expect(bad).not.toHaveProperty('errors');
  });

  it('maps framework 413 and 415 to the same codes as the body reader', () => {
    expect(filter.toProblem(new PayloadTooLargeException())).toMatchObject({ status: 413, code: 'BODY_TOO_LARGE' });
    expect(filter.toProblem(new UnsupportedMediaTypeException())).toMatchObject({
      status: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      title: 'Unsupported Media Type',
    });
  });
});
