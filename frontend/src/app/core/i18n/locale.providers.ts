import { DOCUMENT, registerLocaleData } from '@angular/common';
import localeEn from '@angular/common/locales/en';
import localeZh from '@angular/common/locales/zh';
import {
  effect,
  EnvironmentProviders,
  inject,
  LOCALE_ID,
  makeEnvironmentProviders,
  provideEnvironmentInitializer,
} from '@angular/core';
import { en_US, NzI18nInterface, NzI18nService, provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';

import { AuthService } from '../auth/auth.service';
import { LanguagePreference } from './language-preference';
import { isLang, Lang, TranslationService } from './translation.service';

const NZ_LOCALES: Readonly<Record<Lang, NzI18nInterface>> = { 'zh-CN': zh_CN, 'en-US': en_US };

/**
 * The one place where languages are wired: Angular locale data, ng-zorro's texts,
 * `<html lang>`, all following `TranslationService.lang`; at sign-in, the language the user saved
 * on the server (LanguagePreference).
 */
export function provideAppLocale(): EnvironmentProviders {
  registerLocaleData(localeZh, 'zh-CN');
  registerLocaleData(localeEn, 'en-US');
  return makeEnvironmentProviders([
    { provide: LOCALE_ID, useFactory: () => inject(TranslationService).lang() },
    provideNzI18n(() => NZ_LOCALES[inject(TranslationService).lang()]),
    provideEnvironmentInitializer(() => {
      const i18n = inject(TranslationService);
      const nzI18n = inject(NzI18nService);
      const document = inject(DOCUMENT);
      const auth = inject(AuthService);
      const preference = inject(LanguagePreference);
      effect(() => {
        const me = auth.me();
        if (me) preference.adopt(me.id, isLang(me.locale) ? me.locale : null);
      });
      effect(() => {
        const lang = i18n.lang();
        document.documentElement.lang = lang;
        if (nzI18n.getLocale() !== NZ_LOCALES[lang]) nzI18n.setLocale(NZ_LOCALES[lang]);
      });
    }),
  ]);
}
