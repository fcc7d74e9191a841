import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { PERMISSIONS } from '@diandan/access';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { MyNeed, SupportTransfer } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { reloadOnLanguageChange } from '../../../../core/i18n/language-preference';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { StatusTagComponent } from '../../../../shared/status-tag.component';
import { NeedTimelineComponent } from '../../components/need-timeline.component';
import { NeedsApi } from '../../data/needs.api';

/** 我的需求: needs I submitted or support, each with its progress; pending support transfers first. */
@Component({
  selector: 'dd-my-needs-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    NzButtonModule,
    NzEmptyModule,
    NzIconModule,
    NzSpinModule,
    NzTagModule,
    NeedTimelineComponent,
    StatusTagComponent,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './my-needs.page.html',
  styleUrl: './my-needs.page.css',
})
export default class MyNeedsPage implements OnInit {
  private readonly api = inject(NeedsApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly mine = signal<MyNeed[]>([]);
  protected readonly loading = signal(false);
  protected readonly transfers = signal<SupportTransfer[]>([]);
  protected readonly pendingTransfers = computed(() => this.transfers().filter((t) => t.status === 'PENDING'));
  protected readonly answering = signal<number | null>(null);

  constructor() {
    // Each need's timeline is written by the server in the reader's language.
    reloadOnLanguageChange(() => this.load());
  }

  ngOnInit(): void {
    this.load();
    if (this.auth.can(PERMISSIONS.NEEDS_SUPPORT)) this.loadTransfers();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .mine()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (list) => {
          this.mine.set(list);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }

  private loadTransfers(): void {
    this.api
      .transfers()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((list) => this.transfers.set(list));
  }

  protected answer(transfer: SupportTransfer, accept: boolean): void {
    this.answering.set(transfer.id);
    this.api.answerTransfer(transfer.id, accept).subscribe({
      next: () => {
        this.answering.set(null);
        this.message.success(
          accept ? this.i18n.t('myNeeds.accepted', { title: transfer.targetTitle }) : this.i18n.t('myNeeds.declined'),
        );
        this.transfers.update((list) => list.filter((t) => t.id !== transfer.id));
        this.load();
      },
      error: () => this.answering.set(null),
    });
  }
}
