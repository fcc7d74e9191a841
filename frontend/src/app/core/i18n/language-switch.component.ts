import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';

import { LanguagePreference } from './language-preference';
import { TranslatePipe } from './translate.pipe';
import { Lang, LANGS, TranslationService } from './translation.service';

/** 中文 | English — saved for this browser and, when signed in, on the server (server-written texts follow). */
@Component({
  selector: 'dd-language-switch',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, TranslatePipe],
  template: `
    <span class="dd-lang" role="group" [attr.aria-label]="'lang.switch' | t">
      @for (lang of langs; track lang) {
        <button
          nz-button
          nzSize="small"
          [nzType]="i18n.lang() === lang ? 'primary' : 'default'"
          [attr.aria-pressed]="i18n.lang() === lang"
          [attr.data-testid]="'lang-' + lang"
          (click)="use(lang)"
        >
          {{ (lang === 'zh-CN' ? 'lang.zh-CN' : 'lang.en-US') | t }}
        </button>
      }
    </span>
  `,
  styles: `
    .dd-lang {
      display: inline-flex;
      gap: 4px;
    }
  `,
})
export class LanguageSwitchComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly preference = inject(LanguagePreference);
  protected readonly langs = LANGS;

  protected use(lang: Lang): void {
    this.preference.choose(lang);
  }
}
