import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';

import { interpolate, TranslationParams, TranslationService } from '../../../core/i18n/translation.service';
import { gradingEnUS } from './grading.en-US';
import { gradingZhCN } from './grading.zh-CN';

/**
 * The texts of the grading pages. They live in this lazy feature (not in the global dictionaries, part of the initial
 * bundle) and follow the app's language signal. Menu labels and problem codes stay global.
 */
export type GradingKey = keyof typeof gradingZhCN;

@Injectable({ providedIn: 'root' })
export class GradingI18n {
  private readonly base = inject(TranslationService);

  private dictionary(): Readonly<Record<GradingKey, string>> {
    return this.base.lang() === 'en-US' ? gradingEnUS : gradingZhCN;
  }

  t(key: GradingKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  /** For keys built at run time (`gradingStatus.` + code); the code itself when there is no text. */
  code(prefix: string, code: string | null | undefined): string {
    if (code === null || code === undefined) return '';
    const dict: Readonly<Record<string, string>> = this.dictionary();
    const key = prefix + code;
    return Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : code;
  }
}

/** `{{ 'grading.list.title' | gt }}`; impure so that a change of language re-renders. */
@Pipe({ name: 'gt', pure: false })
export class GradingTranslatePipe implements PipeTransform {
  private readonly i18n = inject(GradingI18n);

  transform(key: GradingKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ a.status | gc: 'gradingStatus.' }}` for codes coming from data. */
@Pipe({ name: 'gc', pure: false })
export class GradingCodePipe implements PipeTransform {
  private readonly i18n = inject(GradingI18n);

  transform(code: string | null | undefined, prefix: string): string {
    return this.i18n.code(prefix, code);
  }
}
