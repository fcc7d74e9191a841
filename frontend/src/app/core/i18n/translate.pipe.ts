import { inject, Pipe, PipeTransform } from '@angular/core';

import { TranslationParams, TranslationService } from './translation.service';
import type { TranslationKey } from './zh-CN.keys';

/**
 * `{{ 'nav.home' | t }}`. Impure so that a change of language re-renders:
 * the lookup reads the language signal, which the view then tracks.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(TranslationService);

  transform(key: TranslationKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ role | tr: 'role.' }}` for codes coming from data; shows the code itself when untranslated. */
@Pipe({ name: 'tr', pure: false })
export class TranslateCodePipe implements PipeTransform {
  private readonly i18n = inject(TranslationService);

  transform(code: string | null | undefined, prefix: string): string {
    if (code === null || code === undefined) return '';
    return this.i18n.dynamic(prefix + code, code);
  }
}
