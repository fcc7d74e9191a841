import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';

import { todayInBeijing } from '../../../../../shared/dates';
import { readAsBase64 } from '../../../../../shared/files';
import { EvidenceGalleryComponent } from '../../components/evidence-gallery.component';
import { ContractMilestones, Evidence, EvidenceKind, Milestone, MilestonesApi } from '../../data/milestones.api';
import { DraftProblem, draftProblems, evidenceFileProblem, ReportDraft, toRequest } from '../../data/report-form';
import { MilestonesI18n, MilestonesTranslatePipe } from '../../i18n/milestones-i18n';

/**
 * 报告进度: the supplier's progress report of one milestone, made for a phone (390 px wide): one column, large
 * targets, photos straight from the camera, each file uploaded as soon as it is chosen (small requests on a weak
 * network), then the report citing them.
 */
@Component({
  selector: 'dd-milestone-report-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzIconModule,
    NzInputModule,
    EvidenceGalleryComponent,
    MilestonesTranslatePipe,
  ],
  styles: `
    :host { display: block; }
    .rf { max-width: 640px; margin: 0 auto; }
    .rf fieldset { border: 1px solid #f0f0f0; border-radius: 6px; padding: 12px; margin: 0 0 16px; }
    .rf legend { font-weight: 600; padding: 0 4px; width: auto; margin: 0; font-size: 15px; border: 0; }
    .rf label { display: block; margin: 8px 0 4px; }
    .rf input, .rf textarea { width: 100%; font-size: 16px; }
    .row-head { display: flex; justify-content: space-between; align-items: center; margin-top: 8px; }
    .file-input { display: block; width: 100%; padding: 12px 0; font-size: 16px; }
    .hint { color: rgba(0, 0, 0, 0.6); font-size: 13px; margin: 0; }
    .problems { color: #cf1322; padding-left: 20px; }
    .submit { width: 100%; height: 48px; font-size: 16px; }
    .pair { display: grid; grid-template-columns: 2fr 1fr; gap: 8px; }
  `,
  template: `
    <section class="dd-page rf" data-testid="milestone-report">
      <header class="dd-page-head">
        <h1>{{ 'rf.title' | mt: { seq: milestone()?.seq ?? '' } }}</h1>
        <a nz-button [routerLink]="['/contracts', contractId, 'milestones']"><nz-icon nzType="arrow-left" />{{ 'ms.title' | mt }}</a>
      </header>
      @if (milestone(); as m) {
        <p>{{ m.title }} · {{ m.deliverables }}</p>
        @if (lastReturn(); as reason) {
          <p class="problems" role="note">{{ 'rf.returnedHint' | mt: { reason } }}</p>
        }
        @if (!allowed()) {
          <p class="problems" role="alert" data-testid="rf-not-allowed">{{ 'rf.notAllowed' | mt }}</p>
        } @else {
          <form (ngSubmit)="submit()" novalidate>
            <fieldset>
              <legend>{{ 'rf.activities' | mt }}</legend>
              @for (a of draft.activities; track $index; let i = $index) {
                <div class="row-head">
                  <strong>{{ 'rf.activity' | mt: { n: i + 1 } }}</strong>
                  @if (draft.activities.length > 1) {
                    <button nz-button nzType="link" type="button" (click)="removeActivity(i)">{{ 'rf.remove' | mt }}</button>
                  }
                </div>
                <label [for]="'a-date-' + i">{{ 'rf.date' | mt }}</label>
                <input nz-input type="date" [id]="'a-date-' + i" [name]="'a-date-' + i" [max]="today" [(ngModel)]="a.date"
                  [attr.data-testid]="'rf-activity-date-' + i" />
                <label [for]="'a-place-' + i">{{ 'rf.place' | mt }}</label>
                <input nz-input [id]="'a-place-' + i" [name]="'a-place-' + i" maxlength="128" [(ngModel)]="a.place"
                  [attr.data-testid]="'rf-activity-place-' + i" />
                <label [for]="'a-content-' + i">{{ 'rf.content' | mt }}</label>
                <textarea nz-input [id]="'a-content-' + i" [name]="'a-content-' + i" rows="3" maxlength="1000"
                  [(ngModel)]="a.content" [attr.data-testid]="'rf-activity-content-' + i"></textarea>
                <label [for]="'a-people-' + i">{{ 'rf.participants' | mt }}</label>
                <input nz-input type="number" inputmode="numeric" min="0" [id]="'a-people-' + i" [name]="'a-people-' + i"
                  [(ngModel)]="a.participants" [attr.data-testid]="'rf-activity-participants-' + i" />
              }
              <button nz-button type="button" nzBlock (click)="addActivity()"><nz-icon nzType="plus" />{{ 'rf.addActivity' | mt }}</button>
            </fieldset>

            <fieldset>
              <legend>{{ 'rf.photos' | mt }}</legend>
              <label for="rf-photos">{{ 'rf.takePhoto' | mt }}</label>
              <input id="rf-photos" class="file-input" type="file" accept="image/*" capture="environment" multiple
                data-testid="rf-photo-input" (change)="chosen($event, 'PHOTO')" />
              <p class="hint">{{ 'rf.photoHint' | mt }}</p>
              <dd-evidence-gallery [contractId]="contractId" [evidence]="photos()" />
            </fieldset>

            <fieldset>
              <legend>{{ 'rf.sheets' | mt }}</legend>
              <label for="rf-sheets">{{ 'rf.addSheet' | mt }}</label>
              <input id="rf-sheets" class="file-input" type="file" accept="image/*,application/pdf" multiple
                data-testid="rf-sheet-input" (change)="chosen($event, 'ATTENDANCE')" />
              <p class="hint">{{ 'rf.sheetHint' | mt }}</p>
              @if (sheets().length > 0) {
                <dd-evidence-gallery [contractId]="contractId" [evidence]="sheets()" />
              }
            </fieldset>
            @for (u of uploading(); track u) {
              <p class="hint" role="status">{{ 'rf.uploading' | mt: { name: u } }}</p>
            }

            @if (data()?.countedInHours || draft.serviceHours.length > 0) {
              <fieldset>
                <legend>{{ 'rf.hours' | mt }}</legend>
                @if (data()?.countedInHours) {
                  <p class="hint">{{ 'rf.hoursHint' | mt }}</p>
                }
                @for (h of draft.serviceHours; track $index; let i = $index) {
                  <div class="pair">
                    <div>
                      <label [for]="'h-who-' + i">{{ 'rf.beneficiary' | mt }}</label>
                      <input nz-input [id]="'h-who-' + i" [name]="'h-who-' + i" maxlength="64" [(ngModel)]="h.beneficiary" />
                    </div>
                    <div>
                      <label [for]="'h-hours-' + i">{{ 'rf.hoursValue' | mt }}</label>
                      <input nz-input inputmode="decimal" [id]="'h-hours-' + i" [name]="'h-hours-' + i" maxlength="12"
                        [(ngModel)]="h.hours" />
                    </div>
                  </div>
                }
                <button nz-button type="button" nzBlock (click)="addHours()"><nz-icon nzType="plus" />{{ 'rf.addHours' | mt }}</button>
              </fieldset>
            }

            <fieldset>
              <legend>{{ 'rf.outputs' | mt }}</legend>
              @for (i of data()?.indicators ?? []; track i.code) {
                <label [for]="'o-' + i.code">{{ i.name }}（{{ 'ms.outputTarget' | mt: { target: i.targetText } }}）</label>
                <input nz-input inputmode="decimal" maxlength="20" [id]="'o-' + i.code" [name]="'o-' + i.code"
                  [(ngModel)]="draft.outputs[i.code]" [attr.data-testid]="'rf-output-' + i.code" />
              }
            </fieldset>

            <fieldset>
              <legend>{{ 'rf.summary' | mt }}</legend>
              <textarea nz-input id="rf-summary" name="summary" rows="3" maxlength="2000" [(ngModel)]="draft.summary"
                [attr.aria-label]="'rf.summary' | mt" data-testid="rf-summary"></textarea>
            </fieldset>

            @if (problems().length > 0) {
              <ul class="problems" role="alert" data-testid="rf-problems">
                @for (p of problems(); track p) {
                  <li>{{ problemText(p) }}</li>
                }
              </ul>
            }
            <button nz-button nzType="primary" class="submit" type="submit" [nzLoading]="busy()"
              [disabled]="uploading().length > 0" data-testid="rf-submit">{{ 'rf.submit' | mt }}</button>
          </form>
        }
      } @else {
        <p class="dd-muted">{{ 'ms.loading' | mt }}</p>
      }
    </section>
  `,
})
export default class MilestoneReportPage implements OnInit {
  private readonly api = inject(MilestonesApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(MilestonesI18n);

  protected readonly contractId = Number(this.route.snapshot.paramMap.get('id'));
  private readonly milestoneId = Number(this.route.snapshot.paramMap.get('milestoneId'));
  protected readonly today = todayInBeijing();
  protected readonly data = signal<ContractMilestones | null>(null);
  protected readonly milestone = computed<Milestone | null>(
    () => this.data()?.milestones.find((m) => m.id === this.milestoneId) ?? null,
  );
  protected readonly allowed = computed(() => {
    const m = this.milestone();
    return !!this.data()?.canReport && !!m && (m.status === 'PENDING' || m.status === 'RETURNED');
  });
  protected readonly lastReturn = computed(() => {
    const r = this.milestone()?.reports[0];
    return r?.status === 'RETURNED' ? r.returnReason : null;
  });
  protected readonly uploaded = signal<Evidence[]>([]);
  protected readonly photos = computed(() => this.uploaded().filter((e) => e.kind === 'PHOTO'));
  protected readonly sheets = computed(() => this.uploaded().filter((e) => e.kind === 'ATTENDANCE'));
  protected readonly uploading = signal<string[]>([]);
  protected readonly problems = signal<DraftProblem[]>([]);
  protected readonly busy = signal(false);

  protected draft: ReportDraft = {
    summary: '',
    activities: [{ date: todayInBeijing(), place: '', content: '', participants: null }],
    serviceHours: [],
    outputs: {},
    photoIds: [],
    sheetIds: [],
  };

  ngOnInit(): void {
    this.api
      .list(this.contractId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((d) => {
        this.data.set(d);
        const m = d.milestones.find((x) => x.id === this.milestoneId);
        // a resubmission starts from the returned version: its texts, values and files
        const last = m?.reports[0];
        if (last && m?.status === 'RETURNED') {
          this.draft = {
            summary: last.summary ?? '',
            activities: last.activities.map((a) => ({ ...a })),
            serviceHours: last.serviceHours.map((h) => ({ ...h })),
            outputs: Object.fromEntries(last.outputs.map((o) => [o.code, o.actual])),
            photoIds: [],
            sheetIds: [],
          };
          this.uploaded.set(m.evidence.filter((e) => last.evidenceIds.includes(e.id) || e.unattached));
        } else if (m) {
          this.uploaded.set(m.evidence.filter((e) => e.unattached));
        }
        if (d.countedInHours && this.draft.serviceHours.length === 0) this.addHours();
      });
  }

  protected addActivity(): void {
    this.draft.activities.push({ date: this.today, place: '', content: '', participants: null });
  }

  protected removeActivity(i: number): void {
    this.draft.activities.splice(i, 1);
  }

  protected addHours(): void {
    this.draft.serviceHours.push({ beneficiary: '', hours: '' });
  }

  protected problemText(p: DraftProblem): string {
    return this.i18n.t(`rf.problem.${p}`);
  }

  /** Each chosen file is checked here, then uploaded at once (the server types it by content and hashes it). */
  protected async chosen(event: Event, kind: EvidenceKind): Promise<void> {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    input.value = '';
    for (const file of files) {
      const problem = evidenceFileProblem(kind, file);
      if (problem) {
        this.message.error(this.i18n.t(`rf.fileProblem.${problem}`, { name: file.name }));
        continue;
      }
      this.uploading.update((u) => [...u, file.name]);
      try {
        const contentBase64 = await readAsBase64(file);
        await new Promise<void>((resolve) =>
          this.api.upload(this.contractId, this.milestoneId, { kind, fileName: file.name, contentBase64 }).subscribe({
            next: (e) => {
              this.uploaded.update((list) => [...list, e]);
              resolve();
            },
            error: () => resolve(),
          }),
        );
      } finally {
        this.uploading.update((u) => u.filter((n) => n !== file.name));
      }
    }
  }

  protected submit(): void {
    const indicators = this.data()?.indicators ?? [];
    this.draft.photoIds = this.photos().map((e) => e.id);
    this.draft.sheetIds = this.sheets().map((e) => e.id);
    this.draft.activities.forEach((a) => {
      a.participants = a.participants === null || (a.participants as unknown) === '' ? null : Number(a.participants);
    });
    const problems = draftProblems(this.draft, indicators, !!this.data()?.countedInHours);
    this.problems.set(problems);
    if (problems.length > 0) return;
    this.busy.set(true);
    this.api.submit(this.contractId, this.milestoneId, toRequest(this.draft, indicators)).subscribe({
      next: () => {
        this.busy.set(false);
        this.message.success(this.i18n.t('rf.submitted'));
        void this.router.navigate(['/contracts', this.contractId, 'milestones']);
      },
      error: () => this.busy.set(false),
    });
  }
}
