import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';

import { interpolate, TranslationParams, TranslationService } from '../../../core/i18n/translation.service';
import { portalEnUS } from './portal.en-US';
import { portalZhCN } from './portal.zh-CN';

/** The portal's texts: in its lazy chunk (not the initial bundle), following the app's language signal. */
export type PortalKey = keyof typeof portalZhCN;

@Injectable({ providedIn: 'root' })
export class PortalI18n {
  private readonly base = inject(TranslationService);

  private dictionary(): Readonly<Record<string, string>> {
    return this.base.lang() === 'en-US' ? portalEnUS : portalZhCN;
  }

  t(key: PortalKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  /** `prefix` + a code from the data; the code itself when there is no text for it. */
  code(prefix: string, code: string | null | undefined, params?: TranslationParams): string {
    if (code === null || code === undefined) return '';
    const dict = this.dictionary();
    const key = prefix + code;
    return Object.prototype.hasOwnProperty.call(dict, key) ? interpolate(dict[key], params) : code;
  }
}

/** `{{ 'home.title' | ptl }}`; impure so that a change of language re-renders. */
@Pipe({ name: 'ptl', pure: false })
export class PortalTranslatePipe implements PipeTransform {
  private readonly i18n = inject(PortalI18n);
  transform(key: PortalKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ p.stage | pcode: 'stage.' }}` for codes from the data. */
@Pipe({ name: 'pcode', pure: false })
export class PortalCodePipe implements PipeTransform {
  private readonly i18n = inject(PortalI18n);
  transform(code: string | null | undefined, prefix: string, params?: TranslationParams): string {
    return this.i18n.code(prefix, code, params);
  }
}
