import { Pipe, PipeTransform } from '@angular/core';

import type { Money } from '../api';
import { formatMoney } from './money';

/** `{{ item.priceCap | money }}` → `¥35.00`. */
@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  transform(value: Money | null | undefined, symbol = true): string {
    return formatMoney(value, { symbol });
  }
}
