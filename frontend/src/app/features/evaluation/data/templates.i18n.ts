import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';

import { interpolate, TranslationParams, TranslationService } from '../../../core/i18n/translation.service';
import { templatesEnUS } from './templates.en-US';
import { templatesZhCN } from './templates.zh-CN';

/**
 * The texts of the template pages. They live in this lazy feature (not in the global dictionaries, part of the
 * initial bundle) and follow the app's language signal. Menu labels and problem codes stay global.
 */
export type TemplatesKey = keyof typeof templatesZhCN;

@Injectable({ providedIn: 'root' })
export class TemplatesI18n {
  private readonly base = inject(TranslationService);

  private dictionary(): Readonly<Record<TemplatesKey, string>> {
    return this.base.lang() === 'en-US' ? templatesEnUS : templatesZhCN;
  }

  t(key: TemplatesKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  /** For keys built at run time (`tplStatus.` + code); the code itself when there is no text. */
  code(prefix: string, code: string | null | undefined): string {
    if (code === null || code === undefined) return '';
    const dict: Readonly<Record<string, string>> = this.dictionary();
    const key = prefix + code;
    return Object.prototype.hasOwnProperty.call(dict, key) ? dict[key] : code;
  }
}

/** `{{ 'tpl.list.title' | tmt }}`; impure so that a change of language re-renders. */
@Pipe({ name: 'tmt', pure: false })
export class TemplatesTranslatePipe implements PipeTransform {
  private readonly i18n = inject(TemplatesI18n);

  transform(key: TemplatesKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ t.status | tmc: 'tplStatus.' }}` for codes coming from data. */
@Pipe({ name: 'tmc', pure: false })
export class TemplatesCodePipe implements PipeTransform {
  private readonly i18n = inject(TemplatesI18n);

  transform(code: string | null | undefined, prefix: string): string {
    return this.i18n.code(prefix, code);
  }
}
