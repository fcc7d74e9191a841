import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';

import { interpolate, TranslationParams, TranslationService } from '../../../core/i18n/translation.service';
import { resultsEnUS } from './results.en-US';
import { resultsZhCN } from './results.zh-CN';

export type ResKey = keyof typeof resultsZhCN;

/** The result pages' texts, in this lazy feature, following the app's language signal. */
@Injectable({ providedIn: 'root' })
export class ResultsI18n {
  private readonly base = inject(TranslationService);

  private dictionary(): Readonly<Record<ResKey, string>> {
    return this.base.lang() === 'en-US' ? resultsEnUS : resultsZhCN;
  }

  t(key: ResKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  code(prefix: string, code: string | null | undefined): string {
    if (code === null || code === undefined) return '';
    const dict: Readonly<Record<string, string>> = this.dictionary();
    return Object.prototype.hasOwnProperty.call(dict, prefix + code) ? dict[prefix + code] : code;
  }
}

/** `{{ 'res.mine.title' | rest }}`; impure so that a change of language re-renders. */
@Pipe({ name: 'rest', pure: false })
export class ResTranslatePipe implements PipeTransform {
  private readonly i18n = inject(ResultsI18n);

  transform(key: ResKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ r.grade | resc: 'res.grade.' }}`. */
@Pipe({ name: 'resc', pure: false })
export class ResCodePipe implements PipeTransform {
  private readonly i18n = inject(ResultsI18n);

  transform(code: string | null | undefined, prefix: string): string {
    return this.i18n.code(prefix, code);
  }
}
