import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';

import { interpolate, TranslationParams, TranslationService } from '../../../../core/i18n/translation.service';
import { surveyEnUS } from './survey.en-US';
import { surveyZhCN } from './survey.zh-CN';

/**
 * The texts of the satisfaction survey pages. They live in this lazy feature (not in the global dictionaries, part of
 * the initial bundle) and follow the app's language signal. Menu labels and problem codes stay global.
 */
export type SurveyKey = keyof typeof surveyZhCN;

@Injectable({ providedIn: 'root' })
export class SurveyI18n {
  private readonly base = inject(TranslationService);

  private dictionary(): Readonly<Record<SurveyKey, string>> {
    return this.base.lang() === 'en-US' ? surveyEnUS : surveyZhCN;
  }

  t(key: SurveyKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  /** For keys built at run time (`survey.q.` + key); the code itself when there is no text. */
  code(prefix: string, code: string | number | null | undefined): string {
    if (code === null || code === undefined) return '';
    const dict: Readonly<Record<string, string>> = this.dictionary();
    const key = `${prefix}${code}`;
    return Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : String(code);
  }
}

/** `{{ 'survey.title' | sv }}`; impure so that a change of language re-renders. */
@Pipe({ name: 'sv', pure: false })
export class SurveyTranslatePipe implements PipeTransform {
  private readonly i18n = inject(SurveyI18n);

  transform(key: SurveyKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ question | svc: 'survey.q.' }}` for codes coming from data. */
@Pipe({ name: 'svc', pure: false })
export class SurveyCodePipe implements PipeTransform {
  private readonly i18n = inject(SurveyI18n);

  transform(code: string | number | null | undefined, prefix: string): string {
    return this.i18n.code(prefix, code);
  }
}
