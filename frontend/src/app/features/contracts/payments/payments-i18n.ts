import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';

import { interpolate, TranslationParams, TranslationService } from '../../../core/i18n/translation.service';
import { paymentsEnUS } from './payments.en-US';
import { paymentsZhCN } from './payments.zh-CN';

export type PayKey = keyof typeof paymentsZhCN;

/** The payment pages' texts, in this lazy feature, following the app's language signal. */
@Injectable({ providedIn: 'root' })
export class PaymentsI18n {
  private readonly base = inject(TranslationService);

  private dictionary(): Readonly<Record<PayKey, string>> {
    return this.base.lang() === 'en-US' ? paymentsEnUS : paymentsZhCN;
  }

  t(key: PayKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  code(prefix: string, code: string | null | undefined): string {
    if (code === null || code === undefined) return '';
    const dict: Readonly<Record<string, string>> = this.dictionary();
    return Object.prototype.hasOwnProperty.call(dict, prefix + code) ? dict[prefix + code] : code;
  }
}

/** `{{ 'pay.queue.title' | payt }}`; impure so that a change of language re-renders. */
@Pipe({ name: 'payt', pure: false })
export class PayTranslatePipe implements PipeTransform {
  private readonly i18n = inject(PaymentsI18n);

  transform(key: PayKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ r.status | payc: 'payStatus.' }}`. */
@Pipe({ name: 'payc', pure: false })
export class PayCodePipe implements PipeTransform {
  private readonly i18n = inject(PaymentsI18n);

  transform(code: string | null | undefined, prefix: string): string {
    return this.i18n.code(prefix, code);
  }
}

export const PAY_STATUS_COLOR: Record<string, string> = {
  HELD: 'default',
  REQUESTED: 'gold',
  APPROVED: 'blue',
  PAID: 'green',
  REJECTED: 'red',
  WITHHELD: 'volcano',
};
