import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NzIconModule } from 'ng-zorro-antd/icon';

import { saveBlob } from '../../../../shared/download';
import { fileSize } from '../../../../shared/files';
import { Evidence, MilestonesApi } from '../data/milestones.api';
import { MilestonesTranslatePipe } from '../i18n/milestones-i18n';

/** Reads a Blob as a `data:` URL (the content security policy allows data: images, not blob: ones). */
function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

/**
 * The evidence of a milestone: photos as server-made thumbnails (fetched with the auth header), attendance sheets as
 * file names; a click downloads the original.
 */
@Component({
  selector: 'dd-evidence-gallery',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NzIconModule, MilestonesTranslatePipe],
  styles: `
    .gallery { display: flex; flex-wrap: wrap; gap: 8px; margin: 4px 0 8px; }
    .thumb { width: 96px; height: 96px; border: 1px solid #d9d9d9; border-radius: 4px; padding: 0; background: #fafafa;
      cursor: pointer; overflow: hidden; display: flex; align-items: center; justify-content: center; }
    .thumb img { width: 100%; height: 100%; object-fit: cover; }
    .sheet { display: inline-flex; gap: 4px; align-items: center; border: 0; background: none; color: #1677ff;
      cursor: pointer; padding: 4px 0; text-align: left; }
  `,
  template: `
    @if (photos().length > 0) {
      <div class="gallery" role="list" [attr.aria-label]="'ms.photos' | mt">
        @for (e of photos(); track e.id) {
          <button type="button" class="thumb" role="listitem" [attr.data-testid]="'evidence-photo-' + e.id"
            [attr.aria-label]="('ms.open' | mt) + ': ' + e.fileName" (click)="open(e)">
            @if (thumbs()[e.id]; as src) {
              <img [src]="src" [alt]="e.fileName" />
            } @else {
              <nz-icon nzType="paper-clip" />
            }
          </button>
        }
      </div>
    }
    @for (e of sheets(); track e.id) {
      <div>
        <button type="button" class="sheet" [attr.data-testid]="'evidence-sheet-' + e.id" (click)="open(e)">
          <nz-icon nzType="paper-clip" />{{ e.fileName }} ({{ size(e.size) }})
        </button>
      </div>
    }
    @if (evidence().length === 0) {
      <p class="dd-muted">{{ 'ms.noEvidence' | mt }}</p>
    }
  `,
})
export class EvidenceGalleryComponent {
  private readonly api = inject(MilestonesApi);
  private readonly destroyRef = inject(DestroyRef);

  readonly contractId = input.required<number>();
  readonly evidence = input.required<Evidence[]>();

  protected readonly photos = computed(() => this.evidence().filter((e) => e.kind === 'PHOTO'));
  protected readonly sheets = computed(() => this.evidence().filter((e) => e.kind === 'ATTENDANCE'));
  protected readonly thumbs = signal<Record<number, string>>({});
  private readonly requested = new Set<number>();

  constructor() {
    effect(() => {
      for (const e of this.photos()) {
        if (this.requested.has(e.id)) continue;
        this.requested.add(e.id);
        this.api
          .file(this.contractId(), e.id, true)
          .pipe(takeUntilDestroyed(this.destroyRef))
          .subscribe({
            next: async (blob) => {
              const url = await dataUrl(blob);
              this.thumbs.update((t) => ({ ...t, [e.id]: url }));
            },
            error: () => undefined,
          });
      }
    });
  }

  protected size(bytes: number): string {
    return fileSize(bytes);
  }

  protected open(e: Evidence): void {
    this.api
      .file(this.contractId(), e.id, false)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((blob) => saveBlob(blob, e.fileName));
  }
}
