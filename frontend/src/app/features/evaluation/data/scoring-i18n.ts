import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';

import { interpolate, TranslationParams, TranslationService } from '../../../core/i18n/translation.service';
import { scoringEnUS } from './scoring.en-US';
import { scoringZhCN } from './scoring.zh-CN';

/** The texts of the scoring page, in this lazy feature, following the app's language signal. */
export type ScoringKey = keyof typeof scoringZhCN;

@Injectable({ providedIn: 'root' })
export class ScoringI18n {
  private readonly base = inject(TranslationService);

  private dictionary(): Readonly<Record<ScoringKey, string>> {
    return this.base.lang() === 'en-US' ? scoringEnUS : scoringZhCN;
  }

  t(key: ScoringKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  /** For keys built at run time (`sc.grade.` + code); the code itself when there is no text. */
  code(prefix: string, code: string | null | undefined): string {
    if (code === null || code === undefined) return '';
    const dict: Readonly<Record<string, string>> = this.dictionary();
    return Object.prototype.hasOwnProperty.call(dict, prefix + code) ? dict[prefix + code] : code;
  }
}

/** `{{ 'sc.title' | st }}`; impure so that a change of language re-renders. */
@Pipe({ name: 'st', pure: false })
export class ScoringTranslatePipe implements PipeTransform {
  private readonly i18n = inject(ScoringI18n);

  transform(key: ScoringKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ grade | sc: 'sc.grade.' }}` for codes from data. */
@Pipe({ name: 'sc', pure: false })
export class ScoringCodePipe implements PipeTransform {
  private readonly i18n = inject(ScoringI18n);

  transform(code: string | null | undefined, prefix: string): string {
    return this.i18n.code(prefix, code);
  }
}
