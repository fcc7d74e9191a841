import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { firstValueFrom } from 'rxjs';

import { formatMinute, fromLocalDateTime, toLocalDateTime } from '../../../shared/dates';
import { saveBlob } from '../../../shared/download';
import { fileSize, readAsBase64 } from '../../../shared/files';
import { evidenceFileProblem } from '../data/scoring-evidence';
import { ScoringI18n, ScoringTranslatePipe } from '../data/scoring-i18n';
import { ScoringApi, TaskEvidence } from '../data/scoring.api';

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
 * The evidence of one leaf on the scoring page, made for a tablet on a site visit: photos straight from the camera
 * (`capture`), each with the time and place the evaluator confirms, documents, and interview notes; each uploaded as
 * soon as it is chosen; thumbnails from the server; delete before submission.
 */
@Component({
  selector: 'dd-score-evidence',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzButtonModule, NzIconModule, NzInputModule, ScoringTranslatePipe],
  styles: `
    :host { display: block; }
    h4 { font-size: 15px; margin: 12px 0 4px; }
    .list { list-style: none; padding: 0; margin: 0 0 8px; display: grid; gap: 8px; }
    .item { display: flex; gap: 12px; align-items: flex-start; border: 1px solid #f0f0f0; border-radius: 6px; padding: 8px; }
    .thumb { width: 88px; height: 88px; flex: none; border: 1px solid #d9d9d9; border-radius: 4px; padding: 0;
      background: #fafafa; cursor: pointer; overflow: hidden; display: flex; align-items: center; justify-content: center; }
    .thumb img { width: 100%; height: 100%; object-fit: cover; }
    .meta { flex: 1; min-width: 0; font-size: 14px; }
    .meta p { margin: 0 0 2px; overflow-wrap: anywhere; }
    .sha { font-family: monospace; font-size: 12px; color: rgba(0, 0, 0, 0.65); }
    .grid { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
    @media (max-width: 600px) { .grid { grid-template-columns: 1fr; } }
    label { display: block; margin: 6px 0 2px; }
    input, textarea { font-size: 16px; }
    .file-label { display: inline-flex; align-items: center; gap: 6px; min-height: 44px; padding: 0 16px;
      border: 1px dashed #1677ff; border-radius: 6px; color: #0958d9; cursor: pointer; margin: 8px 8px 0 0; }
    .file-label:focus-within { outline: 2px solid #1677ff; outline-offset: 2px; }
    .file-label input { position: absolute; width: 1px; height: 1px; opacity: 0; }
    .hint { color: rgba(0, 0, 0, 0.65); font-size: 13px; margin: 4px 0; }
    .problem { color: #cf1322; }
    .actions { display: flex; gap: 8px; flex-wrap: wrap; margin-top: 8px; }
    button.tall { min-height: 44px; }
  `,
  template: `
    <h4 [id]="'ev-h-' + leafKey()">{{ 'sc.ev.title' | st }}</h4>
    @if (items().length === 0) {
      <p class="hint">{{ 'sc.ev.none' | st }}</p>
    } @else {
      <ul class="list" [attr.aria-labelledby]="'ev-h-' + leafKey()">
        @for (e of items(); track e.id) {
          <li class="item" [attr.data-testid]="'score-evidence-' + e.id">
            @if (e.kind !== 'INTERVIEW') {
              <button type="button" class="thumb" [attr.aria-label]="'sc.ev.open' | st: { name: e.fileName ?? '' }"
                (click)="open(e)">
                @if (thumbs()[e.id]; as src) {
                  <img [src]="src" alt="" />
                } @else {
                  <nz-icon nzType="paper-clip" />
                }
              </button>
            }
            <div class="meta">
              @if (e.kind === 'INTERVIEW') {
                <p><strong>{{ 'sc.ev.interview' | st }}</strong> · {{ e.interviewee ?? ('sc.ev.hiddenInterviewee' | st) }}</p>
                <p>{{ time(e.takenAt) }}{{ e.place ? ' · ' + e.place : '' }}</p>
                <p>{{ e.summary }}</p>
              } @else {
                <p><strong>{{ e.fileName }}</strong> ({{ size(e.size) }})</p>
                @if (e.takenAt) {
                  <p>{{ 'sc.ev.taken' | st: { at: time(e.takenAt), place: e.place ?? '' } }}</p>
                }
                @if (e.exifTakenAt) {
                  <p>{{ 'sc.ev.exif' | st: { at: time(e.exifTakenAt) } }}</p>
                }
              }
              <p class="sha">{{ 'sc.ev.sha' | st: { sha: e.sha256 } }}</p>
            </div>
            @if (canScore()) {
              @if (confirming() === e.id) {
                <span class="actions">
                  <button nz-button nzDanger nzType="primary" type="button" class="tall" [nzLoading]="deleting() === e.id"
                    [attr.data-testid]="'score-evidence-confirm-' + e.id" (click)="remove(e)">
                    {{ 'sc.ev.confirmDelete' | st }}
                  </button>
                  <button nz-button type="button" class="tall" (click)="confirming.set(null)">{{ 'sc.ev.keep' | st }}</button>
                </span>
              } @else {
                <button nz-button nzDanger type="button" class="tall"
                  [attr.aria-label]="'sc.ev.deleteLabel' | st: { name: e.fileName ?? e.interviewee ?? '' }"
                  [attr.data-testid]="'score-evidence-delete-' + e.id" (click)="confirming.set(e.id)">
                  <nz-icon nzType="delete" />{{ 'sc.ev.delete' | st }}
                </button>
              }
            }
          </li>
        }
      </ul>
    }

    @if (canScore()) {
      <div class="grid">
        <div>
          <label [for]="'ev-at-' + leafKey()">{{ 'sc.ev.takenAt' | st }}</label>
          <input nz-input type="datetime-local" [id]="'ev-at-' + leafKey()" [ngModel]="takenAt()"
            (ngModelChange)="takenAt.set($event)" [attr.data-testid]="'score-ev-at-' + leafKey()" />
        </div>
        <div>
          <label [for]="'ev-place-' + leafKey()">{{ 'sc.ev.place' | st }}</label>
          <input nz-input [id]="'ev-place-' + leafKey()" maxlength="200" [ngModel]="place()"
            (ngModelChange)="place.set($event)" [attr.data-testid]="'score-ev-place-' + leafKey()" />
        </div>
      </div>
      <label class="file-label">
        <nz-icon nzType="upload" />{{ 'sc.ev.photo' | st }}
        <input type="file" accept="image/*" capture="environment" multiple
          [attr.data-testid]="'score-photo-input-' + leafKey()" (change)="chosen($event, 'PHOTO')" />
      </label>
      <label class="file-label">
        <nz-icon nzType="paper-clip" />{{ 'sc.ev.document' | st }}
        <input type="file" accept="image/*,application/pdf" multiple
          [attr.data-testid]="'score-document-input-' + leafKey()" (change)="chosen($event, 'DOCUMENT')" />
      </label>
      <p class="hint">{{ 'sc.ev.photoHint' | st }}</p>
      @for (u of uploading(); track u) {
        <p class="hint" role="status">{{ 'sc.ev.uploading' | st: { name: u } }}</p>
      }
      @if (problem(); as p) {
        <p class="problem" role="alert">{{ p }}</p>
      }

      <div class="actions">
        <button nz-button type="button" class="tall" [attr.aria-expanded]="interviewOpen()"
          [attr.aria-controls]="'ev-iv-' + leafKey()" (click)="interviewOpen.set(!interviewOpen())"
          [attr.data-testid]="'score-interview-toggle-' + leafKey()">
          <nz-icon nzType="plus" />{{ 'sc.ev.interview' | st }}
        </button>
      </div>
      @if (interviewOpen()) {
        <div [id]="'ev-iv-' + leafKey()">
          <div class="grid">
            <div>
              <label [for]="'iv-who-' + leafKey()">{{ 'sc.ev.interviewee' | st }}</label>
              <input nz-input [id]="'iv-who-' + leafKey()" maxlength="100" [ngModel]="interviewee()"
                (ngModelChange)="interviewee.set($event)" />
            </div>
            <div>
              <label [for]="'iv-at-' + leafKey()">{{ 'sc.ev.interviewedAt' | st }}</label>
              <input nz-input type="datetime-local" [id]="'iv-at-' + leafKey()" [ngModel]="interviewedAt()"
                (ngModelChange)="interviewedAt.set($event)" />
            </div>
          </div>
          <label [for]="'iv-place-' + leafKey()">{{ 'sc.ev.interviewPlace' | st }}</label>
          <input nz-input [id]="'iv-place-' + leafKey()" maxlength="200" [ngModel]="interviewPlace()"
            (ngModelChange)="interviewPlace.set($event)" />
          <label [for]="'iv-sum-' + leafKey()">{{ 'sc.ev.summary' | st }}</label>
          <textarea nz-input rows="3" maxlength="4000" [id]="'iv-sum-' + leafKey()" [ngModel]="interviewSummary()"
            (ngModelChange)="interviewSummary.set($event)"></textarea>
          <div class="actions">
            <button nz-button nzType="primary" type="button" class="tall" [nzLoading]="savingInterview()"
              (click)="addInterview()" [attr.data-testid]="'score-interview-save-' + leafKey()">
              {{ 'sc.ev.addInterview' | st }}
            </button>
          </div>
        </div>
      }
    }
  `,
})
export class ScoreEvidenceComponent {
  private readonly api = inject(ScoringApi);
  private readonly i18n = inject(ScoringI18n);
  private readonly message = inject(NzMessageService);
  private readonly destroyRef = inject(DestroyRef);

  readonly taskId = input.required<number>();
  readonly leafKey = input.required<string>();
  readonly items = input.required<TaskEvidence[]>();
  readonly canScore = input(false);
  /** The place last typed on the page (a site visit is one place): the default of this leaf's uploads. */
  readonly defaultPlace = input('');
  /** Evidence was added or deleted: the page reloads the scoresheet. */
  readonly changed = output<void>();
  readonly placeUsed = output<string>();

  protected readonly takenAt = signal(toLocalDateTime(new Date()));
  protected readonly place = signal('');
  protected readonly uploading = signal<string[]>([]);
  protected readonly problem = signal<string | null>(null);
  protected readonly deleting = signal<number | null>(null);
  protected readonly confirming = signal<number | null>(null);
  protected readonly thumbs = signal<Record<number, string>>({});
  protected readonly interviewOpen = signal(false);
  protected readonly interviewee = signal('');
  protected readonly interviewedAt = signal(toLocalDateTime(new Date()));
  protected readonly interviewPlace = signal('');
  protected readonly interviewSummary = signal('');
  protected readonly savingInterview = signal(false);
  private readonly photos = computed(() => this.items().filter((e) => e.kind !== 'INTERVIEW' && e.hasThumbnail));
  private readonly requested = new Set<number>();

  constructor() {
    effect(() => {
      const p = this.defaultPlace();
      if (p && this.place() === '') this.place.set(p);
    });
    effect(() => {
      for (const e of this.photos()) {
        if (this.requested.has(e.id)) continue;
        this.requested.add(e.id);
        this.api
          .file(this.taskId(), e.id, true)
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

  protected time(iso: string | null): string {
    return formatMinute(iso);
  }

  protected size(bytes: number | null): string {
    return bytes === null ? '' : fileSize(bytes);
  }

  protected open(e: TaskEvidence): void {
    this.api
      .file(this.taskId(), e.id, false)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((blob) => saveBlob(blob, e.fileName ?? 'evidence'));
  }

  /** Each chosen file is checked here, then uploaded at once (the server types it by content and hashes it). */
  protected async chosen(event: Event, kind: 'PHOTO' | 'DOCUMENT'): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    this.problem.set(null);
    const takenAt = fromLocalDateTime(this.takenAt());
    const place = this.place().trim();
    if (kind === 'PHOTO' && (!takenAt || !place)) {
      this.problem.set(this.i18n.t('sc.ev.needWhenWhere'));
      return;
    }
    if (place) this.placeUsed.emit(place);
    let added = false;
    for (const file of files) {
      const p = evidenceFileProblem(kind, file);
      if (p) {
        this.problem.set(this.i18n.t(`sc.ev.fileProblem.${p}`, { name: file.name }));
        continue;
      }
      this.uploading.update((u) => [...u, file.name]);
      try {
        const contentBase64 = await readAsBase64(file);
        await firstValueFrom(
          this.api.upload(this.taskId(), {
            kind,
            leafKeys: [this.leafKey()],
            fileName: file.name,
            contentBase64,
            ...(takenAt ? { takenAt } : {}),
            ...(place ? { place } : {}),
          }),
        );
        added = true;
        this.message.success(this.i18n.t('sc.ev.uploaded', { name: file.name }));
      } catch {
        // the error interceptor shows the server's problem
      } finally {
        this.uploading.update((u) => u.filter((n) => n !== file.name));
      }
    }
    if (added) {
      this.takenAt.set(toLocalDateTime(new Date()));
      this.changed.emit();
    }
  }

  protected async addInterview(): Promise<void> {
    const at = fromLocalDateTime(this.interviewedAt());
    if (!this.interviewee().trim() || !at || this.interviewSummary().trim().length < 2) {
      this.problem.set(this.i18n.t('sc.ev.interviewProblem'));
      return;
    }
    this.problem.set(null);
    this.savingInterview.set(true);
    try {
      await firstValueFrom(
        this.api.interview(this.taskId(), {
          leafKeys: [this.leafKey()],
          interviewee: this.interviewee().trim(),
          interviewedAt: at,
          ...(this.interviewPlace().trim() ? { place: this.interviewPlace().trim() } : {}),
          summary: this.interviewSummary().trim(),
        }),
      );
      this.interviewee.set('');
      this.interviewSummary.set('');
      this.interviewOpen.set(false);
      this.changed.emit();
    } catch {
      // shown by the error interceptor
    } finally {
      this.savingInterview.set(false);
    }
  }

  protected remove(e: TaskEvidence): void {
    this.deleting.set(e.id);
    this.api.remove(this.taskId(), e.id).subscribe({
      next: () => {
        this.deleting.set(null);
        this.confirming.set(null);
        this.message.success(this.i18n.t('sc.ev.deleted'));
        this.changed.emit();
      },
      error: () => this.deleting.set(null),
    });
  }
}
