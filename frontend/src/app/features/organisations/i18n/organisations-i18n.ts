import { inject, Injectable, Pipe, PipeTransform } from '@angular/core';

import { interpolate, TranslationParams, TranslationService } from '../../../core/i18n/translation.service';
import { organisationsEnUS } from './organisations.en-US';
import { organisationsZhCN } from './organisations.zh-CN';

/** A text of the organisations pages (the keys of the feature's zh-CN dictionary). */
export type OrgKey = keyof typeof organisationsZhCN;

/**
 * The texts of the organisations pages. They live in this lazy feature (the global dictionaries are
 * part of the initial bundle) and follow the app's language signal.
 */
@Injectable({ providedIn: 'root' })
export class OrganisationsI18n {
  private readonly base = inject(TranslationService);

  private dictionary(): Readonly<Record<OrgKey, string>> {
    return this.base.lang() === 'en-US' ? organisationsEnUS : organisationsZhCN;
  }

  t(key: OrgKey, params?: TranslationParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  /** For keys built at run time (`orgType.` + code); the code itself when there is no text. */
  code(prefix: string, code: string | null | undefined, params?: TranslationParams): string {
    if (code === null || code === undefined) return '';
    const dict: Readonly<Record<string, string>> = this.dictionary();
    const key = prefix + code;
    return Object.prototype.hasOwnProperty.call(dict, key) ? interpolate(dict[key], params) : code;
  }
}

/** `{{ 'organisations.register.title' | ot }}`; impure so that a change of language re-renders. */
@Pipe({ name: 'ot', pure: false })
export class OrgTranslatePipe implements PipeTransform {
  private readonly i18n = inject(OrganisationsI18n);

  transform(key: OrgKey, params?: TranslationParams): string {
    return this.i18n.t(key, params);
  }
}

/** `{{ org.orgType | oc: 'orgType.' }}` for codes coming from data. */
@Pipe({ name: 'oc', pure: false })
export class OrgCodePipe implements PipeTransform {
  private readonly i18n = inject(OrganisationsI18n);

  transform(code: string | null | undefined, prefix: string): string {
    return this.i18n.code(prefix, code);
  }
}
