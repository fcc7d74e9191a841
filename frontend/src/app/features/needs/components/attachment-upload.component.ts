import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { firstValueFrom } from 'rxjs';

import { NeedAttachment } from '../../../api';
import { TranslatePipe } from '../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../core/i18n/translation.service';
import { checkAttachment } from '../data/attachments';
import { NeedsApi } from '../data/needs.api';

/** Photos or PDFs for a need, uploaded one by one right after they are chosen. */
@Component({
  selector: 'dd-attachment-upload',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzIconModule, TranslatePipe],
  template: `
    <label class="dd-upload" [class.dd-upload-busy]="busy()">
      <input
        type="file"
        class="dd-upload-input"
        accept="image/jpeg,image/png,application/pdf,.jpg,.jpeg,.png,.pdf"
        multiple
        data-testid="need-upload-input"
        [disabled]="busy()"
        (change)="chosen($event)"
      />
      <nz-icon [nzType]="busy() ? 'loading' : 'upload'" />
      <span>{{ 'needForm.upload' | t }}</span>
    </label>
    <p class="dd-upload-hint">{{ 'needForm.uploadHint' | t }}</p>
    @if (uploaded().length > 0) {
      <ul class="dd-upload-list" data-testid="need-uploaded">
        @for (file of uploaded(); track file.id) {
          <li><nz-icon nzType="paper-clip" /> {{ file.filename }}</li>
        }
      </ul>
    }
  `,
  styles: `
    .dd-upload {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 8px;
      width: 100%;
      min-height: 48px;
      padding: 8px 16px;
      border: 1px dashed var(--dd-primary);
      border-radius: 8px;
      background: var(--dd-primary-bg);
      color: var(--dd-primary);
      font-size: max(16px, var(--dd-text-min));
      cursor: pointer;
    }
    .dd-upload-busy {
      opacity: 0.6;
      cursor: progress;
    }
    .dd-upload-input {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
    }
    .dd-upload-hint {
      margin: 6px 0 0;
      color: var(--dd-text-secondary);
    }
    .dd-upload-list {
      margin: 8px 0 0;
      padding: 0;
      list-style: none;
    }
  `,
})
export class AttachmentUploadComponent {
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(TranslationService);
  private readonly api = inject(NeedsApi);

  readonly needId = input.required<number>();
  /** Attachments the need already has (at most 5 in all). */
  readonly existing = input(0);
  readonly added = output<NeedAttachment>();

  protected readonly busy = signal(false);
  protected readonly uploaded = signal<NeedAttachment[]>([]);

  protected chosen(event: Event): void {
    const inputEl = event.target as HTMLInputElement;
    const files = Array.from(inputEl.files ?? []);
    inputEl.value = '';
    void this.uploadAll(files);
  }

  private async uploadAll(files: File[]): Promise<void> {
    this.busy.set(true);
    for (const file of files) {
      const problem = checkAttachment(file, this.existing() + this.uploaded().length);
      if (problem) {
        this.message.warning(this.i18n.t(problem, { name: file.name }));
        if (problem === 'needForm.tooManyFiles') break;
        continue;
      }
      try {
        const saved = await firstValueFrom(this.api.upload(this.needId(), file));
        this.uploaded.update((list) => [...list, saved]);
        this.added.emit(saved);
        this.message.success(this.i18n.t('needForm.uploaded', { name: file.name }));
      } catch (error: unknown) {
        if (!(error instanceof HttpErrorResponse)) throw error;
        // The error interceptor has shown it; go on with the next file.
      }
    }
    this.busy.set(false);
  }
}
