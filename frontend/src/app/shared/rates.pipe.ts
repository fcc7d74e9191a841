import { Pipe, PipeTransform } from '@angular/core';

import { formatBasisPoints } from './rates';

/** `{{ line.paidRateBp | bp }}` → `33.33%`. */
@Pipe({ name: 'bp' })
export class BasisPointsPipe implements PipeTransform {
  transform(value: number | string | null | undefined): string {
    return formatBasisPoints(value);
  }
}
