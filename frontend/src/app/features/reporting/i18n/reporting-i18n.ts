import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';

import { interpolate, TranslationParams, TranslationService } from '../../../core/i18n/translation.service';
import { reportingEnUS } from './reporting.en-US';
import { reportingZhCN } from './reporting.zh-CN';

/** The texts of 数据看板, in this lazy feature (not in the initial bundle), following the app's language signal. */
export type RepKey = keyof typeof reportingZhCN;

@Injectable({ providedIn: 'root' })
export class ReportingI18n {
  private readonly base = inject(TranslationService);

  t(key: RepKey, params?: TranslationParams): string {
    const dict: Readonly<Record<RepKey, string>> = this.base.lang() === 'en-US' ? reportingEnUS : reportingZhCN;
    return interpolate(dict[key], params);
  }

  lang(): string {
    return this.base.lang();
  }
}

/** `{{ 'rep.title' | rt }}`; impure so that a change of language re-renders. */
@Pipe({ name: 'rt', pure: false })
export class RepTranslatePipe implements PipeTransform {
  private readonly i18n = inject(ReportingI18n);

  transform(key: RepKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}
