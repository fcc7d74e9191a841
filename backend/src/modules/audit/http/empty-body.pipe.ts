import { Injectable, PipeTransform } from '@nestjs/common';

import { RequestValidationError } from '../../../platform/http/validation';

/**
 * For a POST that takes no body: nothing, or `{}`. Anything else is refused (400) before the use case runs, so a
 * malformed request never changes state. (An empty DTO class cannot say this: `forbidUnknownValues` refuses even
 * `{}` against a class without decorated members.)
 */
@Injectable()
export class EmptyBodyPipe implements PipeTransform<unknown, undefined> {
  transform(value: unknown): undefined {
    const empty =
      value === undefined ||
      value === null ||
      (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);
    if (!empty) throw new RequestValidationError([{ field: '', message: 'this request takes no body' }]);
    return undefined;
  }
}
