import { DOCUMENT } from '@angular/common';
import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  signal,
} from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzQRCodeModule } from 'ng-zorro-antd/qr-code';

import { formatDeadline } from '../../../../shared/dates';
import { saveBlob } from '../../../../shared/download';
import { shareUrl, tokenOf } from '../data/survey-logic';
import { SurveyI18n, SurveyTranslatePipe } from '../i18n/survey-i18n';

/**
 * Sharing a survey (issue #11 item 4): its link and a QR code of it (drawn in the browser as SVG by ng-zorro's
 * QR code component, error correction M), to copy, download as an SVG file, or print as a poster for the community's
 * notice board or to show on the worker's phone.
 */
@Component({
  selector: 'dd-survey-share',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzButtonModule, NzIconModule, NzInputModule, NzQRCodeModule, SurveyTranslatePipe],
  template: `
    <div class="dd-share" data-testid="survey-share">
      <div class="dd-share-qr" role="img" [attr.aria-label]="'survey.share.qr' | sv: { project: project() }" data-testid="survey-qr">
        <nz-qrcode [nzValue]="url()" nzType="svg" nzLevel="M" [nzSize]="200" [nzBordered]="false" aria-hidden="true" />
      </div>
      <div class="dd-share-text">
        <p class="dd-muted">{{ 'survey.share.hint' | sv }}</p>
        <label class="dd-share-label" for="dd-survey-link">{{ 'survey.share.link' | sv }}</label>
        <input nz-input id="dd-survey-link" readonly [value]="url()" data-testid="survey-link" (focus)="select($event)" />
        <div class="dd-share-actions">
          <button nz-button type="button" data-testid="survey-copy" (click)="copy()">
            <nz-icon nzType="copy" />{{ (copied() ? 'survey.share.copied' : 'survey.share.copy') | sv }}
          </button>
          <button nz-button type="button" data-testid="survey-print" (click)="print()">
            <nz-icon nzType="printer" />{{ 'survey.share.print' | sv }}
          </button>
          <button nz-button type="button" data-testid="survey-download" (click)="download()">
            <nz-icon nzType="download" />{{ 'survey.share.download' | sv }}
          </button>
        </div>
      </div>
    </div>
  `,
  styles: `
    .dd-share {
      display: flex;
      flex-wrap: wrap;
      gap: 16px;
      align-items: flex-start;
    }
    .dd-share-qr {
      padding: 8px;
      background: #fff;
      border: 1px solid #f0f0f0;
      line-height: 0;
    }
    .dd-share-text {
      flex: 1 1 260px;
      min-width: 0;
    }
    .dd-share-label {
      display: block;
      margin-bottom: 4px;
    }
    .dd-share-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-top: 8px;
    }
  `,
})
export class SurveyShareComponent {
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(SurveyI18n);

  /** `/s/<token>`. */
  readonly link = input.required<string>();
  readonly project = input.required<string>();
  readonly closesAt = input.required<string>();

  protected readonly url = computed(() => shareUrl(this.document.location.origin, this.link()));
  protected readonly copied = signal(false);

  constructor() {
    // ng-zorro draws the code as <svg role="img"> without a name: the figure around it carries the name, and the
    // drawing itself is decoration for assistive technology
    afterRenderEffect(() => {
      this.url();
      for (const svg of Array.from(this.host.nativeElement.querySelectorAll('nz-qrcode svg'))) {
        svg.setAttribute('aria-hidden', 'true');
        svg.removeAttribute('role');
      }
    });
  }

  protected select(e: FocusEvent): void {
    (e.target as HTMLInputElement).select();
  }

  protected copy(): void {
    void navigator.clipboard?.writeText(this.url()).then(() => {
      this.copied.set(true);
      setTimeout(() => this.copied.set(false), 2000);
    });
  }

  private svgText(): string | null {
    const svg = this.host.nativeElement.querySelector('nz-qrcode svg');
    return svg ? new XMLSerializer().serializeToString(svg) : null;
  }

  protected download(): void {
    const svg = this.svgText();
    if (svg === null) return;
    saveBlob(new Blob([svg], { type: 'image/svg+xml' }), `survey-${tokenOf(this.link())?.slice(0, 8) ?? 'qr'}.svg`);
  }

  /** A poster in a window of its own: the title, the code, the link and the closing time, then the print dialog. */
  protected print(): void {
    const svg = this.svgText();
    const w = this.document.defaultView?.open('', '_blank');
    if (!w || svg === null) return;
    const esc = (s: string) =>
      s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
    const title = this.i18n.t('survey.share.poster');
    const body = this.i18n.t('survey.share.posterBody', {
      project: this.project(),
      deadline: formatDeadline(this.closesAt()),
    });
    w.document.write(
      `<!doctype html><html lang="${this.document.documentElement.lang || 'zh-CN'}"><head><meta charset="utf-8"><title>${esc(title)}</title>` +
        '<style>body{font-family:sans-serif;text-align:center;padding:40px}h1{font-size:32px}p{font-size:20px}svg{width:320px;height:320px}</style>' +
        `</head><body><h1>${esc(title)}</h1><p><strong>${esc(this.project())}</strong></p>${svg}<p>${esc(body)}</p><p>${esc(this.url())}</p></body></html>`,
    );
    w.document.close();
    w.focus();
    w.print();
  }
}
