import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';

import type { OrganisationStatus } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TranslateCodePipe } from '../../../../core/i18n/translate.pipe';
import { formatDeadline } from '../../../../shared/dates';
import { OrganisationStatusBannerComponent } from '../../../organisations';
import { formatBeijing, kindKey, kindParams, sectionsOf, Urgency, urgencyOf } from '../../data/desk-view';
import { DeskApi } from '../../data/desk.api';
import type { Desk, DeskItem } from '../../data/desk.types';
import { DeskI18n, DeskTranslatePipe } from '../../i18n/desk-i18n';

/** Shown as the organisation status banner at the top rather than as a line of the list. */
const BANNER_KIND = 'organisations.status';

/**
 * 首页 (the desk): what waits for the signed-in user — every role's own work, with its legal due date in
 * Beijing time (overdue and due-soon highlighted against the server's clock) and a link to the page that does
 * it. "My information" moved to /me (the user's name in the header).
 */
@Component({
  selector: 'dd-desk-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzEmptyModule,
    NzIconModule,
    NzSpinModule,
    NzTagModule,
    TranslateCodePipe,
    DeskTranslatePipe,
    OrganisationStatusBannerComponent,
  ],
  templateUrl: './desk.page.html',
  styleUrl: './desk.page.css',
})
export default class DeskPage implements OnInit {
  private readonly api = inject(DeskApi);
  private readonly i18n = inject(DeskI18n);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly me = inject(AuthService).me;
  protected readonly desk = signal<Desk | null>(null);
  protected readonly loading = signal(false);
  protected readonly failed = signal(false);

  protected readonly banners = computed(() => (this.desk()?.items ?? []).filter((i) => i.kind === BANNER_KIND));
  protected readonly sections = computed(() => {
    const desk = this.desk();
    return desk ? sectionsOf(desk, [BANNER_KIND]) : [];
  });
  protected readonly empty = computed(
    () => this.desk() !== null && this.sections().length === 0 && this.banners().length === 0,
  );

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.failed.set(false);
    this.api
      .get()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (desk) => {
          this.desk.set(desk);
          this.loading.set(false);
        },
        error: () => {
          this.failed.set(true);
          this.loading.set(false);
        },
      });
  }

  protected text(item: DeskItem): string {
    return this.i18n.code(kindKey(item), item.kind, kindParams(item));
  }

  protected rule(item: DeskItem): string {
    return item.dueRule ? this.i18n.code(`rule.${item.dueRule}`, item.dueRule) : '';
  }

  protected area(area: string): string {
    return this.i18n.code(`area.${area}`, area);
  }

  protected urgency(item: DeskItem): Urgency {
    const desk = this.desk();
    return desk ? urgencyOf(item, desk.now) : 'none';
  }

  /** A lock or a blacklisting ends by itself at its instant: "until", not "due". */
  protected endsByItself(item: DeskItem): boolean {
    return item.dueRule === 'LOCK_ENDS' || item.dueRule === 'BLACKLIST_ENDS';
  }

  protected due(item: DeskItem): string {
    return item.dueAt ? formatDeadline(item.dueAt) : '';
  }

  protected since(item: DeskItem): string {
    return item.since ? formatBeijing(item.since) : '';
  }

  protected unavailable(): string {
    return (this.desk()?.unavailable ?? []).map((a) => this.area(a)).join('、');
  }

  protected bannerStatus(item: DeskItem): OrganisationStatus | null {
    return (item.params?.['status'] as OrganisationStatus | undefined) ?? null;
  }

  protected bannerReason(item: DeskItem): string | null {
    const reason = item.params?.['reason'];
    return typeof reason === 'string' ? reason : null;
  }

  /** A blacklisting ends at 24:00 of its last day: that day, as the banner names it. */
  protected bannerUntil(item: DeskItem): string | null {
    return item.dueAt ? formatDeadline(item.dueAt).slice(0, 10) : null;
  }

  /** The audit chain's last verification (null until the audit context records them: issue #9 A2). */
  protected verifiedText(item: DeskItem): string {
    const at = item.params?.['lastVerifiedAt'];
    if (typeof at !== 'string') return this.i18n.t('audit.lastVerified.none');
    const key = item.params?.['lastVerifiedOk'] === false ? 'audit.lastVerified.broken' : 'audit.lastVerified.ok';
    return this.i18n.t(key, { time: formatBeijing(at) });
  }

  /** The latest signed checkpoint of the chain's head (null until checkpoints exist: issue #9 A2). */
  protected checkpointText(item: DeskItem): string {
    const seq = item.params?.['lastCheckpointSeq'];
    const at = item.params?.['lastCheckpointAt'];
    if (typeof seq !== 'number') return this.i18n.t('audit.checkpoint.none');
    return this.i18n.t('audit.checkpoint.value', { seq, time: typeof at === 'string' ? formatBeijing(at) : '' });
  }
}
