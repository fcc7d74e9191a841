import { ChangeDetectionStrategy, Component, inject, ViewEncapsulation } from '@angular/core';
import { RouterLink, RouterOutlet } from '@angular/router';

import { LanguagePreference } from '../../core/i18n/language-preference';
import { Lang, LANGS, TranslationService } from '../../core/i18n/translation.service';
import { PortalTranslatePipe } from './i18n/portal-i18n';

/**
 * 公开门户's own layout: no app shell, no sign-in, no ng-zorro (plain HTML and a few rules, so that the portal's
 * lazy chunk stays small and paints fast on a phone). The rules here are the portal's shared classes (`pt-*`).
 */
@Component({
  selector: 'dd-portal-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  imports: [RouterOutlet, RouterLink, PortalTranslatePipe],
  template: `
    <div class="pt">
      <header class="pt-head">
        <a routerLink="/public" class="pt-brand" data-testid="portal-brand"><span class="pt-mark" aria-hidden="true">点</span>{{ 'brand' | ptl }}</a>
        <span class="pt-lang" role="group" [attr.aria-label]="'lang.switch' | ptl">
          @for (l of langs; track l) {
            <button type="button" [attr.aria-pressed]="i18n.lang() === l" [attr.data-testid]="'portal-lang-' + l" (click)="use(l)">
              {{ l === 'zh-CN' ? '中文' : 'EN' }}
            </button>
          }
        </span>
      </header>
      <nav class="pt-nav" [attr.aria-label]="'nav.main' | ptl">
        <a routerLink="/public" data-testid="portal-nav-home">{{ 'nav.home' | ptl }}</a>
        <a routerLink="/public/projects" data-testid="portal-nav-projects">{{ 'nav.projects' | ptl }}</a>
        <a routerLink="/public/tenders" data-testid="portal-nav-tenders">{{ 'nav.tenders' | ptl }}</a>
        <a routerLink="/login" data-testid="portal-nav-login">{{ 'nav.login' | ptl }}</a>
      </nav>
      <main class="pt-main" id="main"><router-outlet /></main>
      <footer class="pt-foot">
        <p>{{ 'foot.masking' | ptl }}</p>
        <p>{{ 'foot.cache' | ptl }}</p>
      </footer>
    </div>
  `,
  styles: `
    .pt { min-height: 100vh; background: var(--dd-page-bg); color: var(--dd-text); font-size: max(15px, var(--dd-text-min)); }
    .pt-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 10px 14px; background: #fff; }
    .pt-brand { display: inline-flex; align-items: center; gap: 8px; font-weight: 600; font-size: 17px; color: var(--dd-text); text-decoration: none; }
    .pt-mark { display: inline-grid; place-items: center; width: 28px; height: 28px; border-radius: 6px; background: var(--dd-primary); color: #fff; }
    .pt-lang button { min-height: 32px; padding: 0 10px; border: 1px solid #d9d9d9; background: #fff; color: var(--dd-text); cursor: pointer; }
    .pt-lang button[aria-pressed='true'] { background: var(--dd-primary); border-color: var(--dd-primary); color: #fff; }
    .pt-nav { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 8px 14px; background: #fff; border-top: 1px solid #eee; }
    .pt-nav a { padding: 6px 0; }
    .pt-main { max-width: 960px; margin: 0 auto; padding: 12px; }
    .pt-foot { max-width: 960px; margin: 0 auto; padding: 8px 12px 24px; color: var(--dd-text-secondary); font-size: max(13px, var(--dd-text-min)); }
    .pt h1 { font-size: 22px; margin: 8px 0 4px; }
    .pt h2 { font-size: 17px; margin: 0 0 8px; }
    .pt-card { background: #fff; border-radius: 8px; padding: 12px 14px; margin: 0 0 12px; }
    .pt-muted { color: var(--dd-text-secondary); }
    .pt-row { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; }
    .pt-money { font-variant-numeric: tabular-nums; white-space: nowrap; font-weight: 600; }
    .pt-list { list-style: none; margin: 0; padding: 0; }
    .pt-list > li { padding: 8px 0; border-top: 1px solid #f0f0f0; }
    .pt-list > li:first-child { border-top: 0; }
    .pt-tag { display: inline-block; padding: 0 6px; border-radius: 4px; background: var(--dd-primary-bg); color: var(--dd-primary-active); font-size: max(13px, var(--dd-text-min)); }
    .pt-bad { color: var(--dd-error); }
    .pt-ok { color: var(--dd-success); }
    .pt-form { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; }
    .pt-form label { display: flex; flex-direction: column; gap: 2px; font-size: max(13px, var(--dd-text-min)); }
    .pt-form input, .pt-form select, .pt-btn { min-height: 40px; padding: 0 10px; border: 1px solid #8c8c8c; border-radius: 6px; background: #fff; font: inherit; }
    .pt-btn { background: var(--dd-primary); border-color: var(--dd-primary); color: #fff; cursor: pointer; }
  `,
})
export class PortalLayoutComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly preference = inject(LanguagePreference);
  protected readonly langs = LANGS;

  protected use(lang: Lang): void {
    this.preference.choose(lang);
  }
}
