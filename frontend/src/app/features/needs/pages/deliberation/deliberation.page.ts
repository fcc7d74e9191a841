import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { Campaign, Deliberation, DeliberationDecision, NeedSummary } from '../../../../api';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { todayInBeijing } from '../../../../shared/dates';
import { StatusTagComponent } from '../../../../shared/status-tag.component';
import { required } from '../../../../shared/validators';
import { CampaignsApi } from '../../data/campaigns.api';
import { decisionOptions, DecisionRow, toDeliberationRequest } from '../../data/deliberation';
import { NeedsApi } from '../../data/needs.api';

/** The needs a council decides on. */
const DECIDABLE: readonly string[] = ['ACCEPTED', 'SHORTLISTED'];

/** 议事会: for a CLOSED campaign, the council's date, attendees, minutes and a decision per need. */
@Component({
  selector: 'dd-deliberation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    ReactiveFormsModule,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzRadioModule,
    NzTableModule,
    NzTagModule,
    StatusTagComponent,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './deliberation.page.html',
  styleUrl: './deliberation.page.css',
})
export default class DeliberationPage implements OnInit {
  private readonly campaignsApi = inject(CampaignsApi);
  private readonly needsApi = inject(NeedsApi);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  /** From the route (`/campaigns/:id/deliberation`). */
  readonly id = input.required<string>();

  protected readonly campaign = signal<Campaign | null>(null);
  /** Every need of the campaign (for the titles in past records)… */
  private readonly allNeeds = signal<NeedSummary[]>([]);
  private readonly needIndex = computed(() => new Map(this.allNeeds().map((n) => [n.id, n])));
  /** …and those still to be decided, most supported first. */
  protected readonly needs = computed(() => this.allNeeds().filter((n) => DECIDABLE.includes(n.status)));
  protected readonly history = signal<Deliberation[]>([]);
  protected readonly loading = signal(false);
  protected readonly submitting = signal(false);
  /** Decision and reason per need id. */
  protected readonly rows = signal<Record<number, DecisionRow>>({});
  protected readonly problems = signal<string[]>([]);
  protected readonly canRecord = computed(() => {
    const status = this.campaign()?.status;
    return status === 'CLOSED' || status === 'DECIDED';
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    heldOn: [todayInBeijing(), required],
    attendees: ['', [required, Validators.maxLength(2000)]],
    minutes: ['', [required, Validators.maxLength(10000)]],
  });

  ngOnInit(): void {
    this.load();
  }

  private get campaignId(): number {
    return Number(this.id());
  }

  protected load(): void {
    this.campaignsApi
      .get(this.campaignId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((c) => this.campaign.set(c));
    this.loadNeeds();
    this.loadHistory();
  }

  private loadNeeds(): void {
    this.loading.set(true);
    this.needsApi
      .list({ campaignId: this.campaignId, sort: '-supportCount', pageSize: 100 })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          this.allNeeds.set(page.items);
          const rows: Record<number, DecisionRow> = {};
          for (const need of page.items) rows[need.id] = { needId: need.id, decision: null, reason: '' };
          this.rows.set(rows);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }

  private loadHistory(): void {
    this.campaignsApi
      .deliberations(this.campaignId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((list) => this.history.set(list));
  }

  protected options(need: NeedSummary): DeliberationDecision[] {
    return decisionOptions(need.status);
  }

  protected setDecision(needId: number, decision: DeliberationDecision | null): void {
    this.rows.update((rows) => ({ ...rows, [needId]: { ...rows[needId], decision } }));
  }

  protected setReason(needId: number, reason: string): void {
    this.rows.update((rows) => ({ ...rows, [needId]: { ...rows[needId], reason } }));
  }

  protected needTitle(needId: number): string {
    return this.needIndex().get(needId)?.title ?? `#${needId}`;
  }

  protected submit(): void {
    if (this.form.invalid) {
      for (const control of Object.values(this.form.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    const { body, problems } = toDeliberationRequest(this.form.getRawValue(), Object.values(this.rows()));
    this.problems.set(
      problems.map((p) =>
        p.problem === 'noDecision'
          ? this.i18n.t('deliberation.noDecision')
          : this.i18n.t('deliberation.reasonRequiredFor', { title: this.needTitle(p.needId ?? 0) }),
      ),
    );
    if (problems.length > 0) return;
    this.submitting.set(true);
    this.campaignsApi.recordDeliberation(this.campaignId, body).subscribe({
      next: () => {
        this.submitting.set(false);
        this.message.success(this.i18n.t('deliberation.recorded'));
        this.form.patchValue({ attendees: '', minutes: '' });
        this.load();
      },
      error: () => this.submitting.set(false),
    });
  }
}
