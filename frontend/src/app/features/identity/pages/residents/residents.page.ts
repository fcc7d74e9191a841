import { ChangeDetectionStrategy, Component, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { Resident } from '../../../../api';
import { TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatMinute } from '../../../../shared/dates';
import { ResidentsApi } from '../../data/residents.api';

const DEFAULT_PAGE_SIZE = 20;

/** Residents of the worker's area waiting for verification (认证), and those already verified. */
@Component({
  selector: 'dd-residents-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, NzButtonModule, NzIconModule, NzRadioModule, NzTableModule, NzTagModule, TranslatePipe],
  templateUrl: './residents.page.html',
})
export default class ResidentsPage implements OnInit {
  private readonly api = inject(ResidentsApi);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly verified = signal(false);
  protected readonly residents = signal<Resident[]>([]);
  protected readonly total = signal(0);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(DEFAULT_PAGE_SIZE);
  protected readonly loading = signal(false);
  protected readonly verifying = signal<number | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .list({ verified: this.verified(), page: this.page(), pageSize: this.pageSize() })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.residents.set(result.items);
          this.total.set(result.total);
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }

  protected setVerified(verified: boolean): void {
    this.verified.set(verified);
    this.page.set(1);
    this.load();
  }

  protected pageChange(page: number): void {
    this.page.set(page);
    this.load();
  }

  protected time(value: string | null): string {
    return formatMinute(value, this.i18n.lang());
  }

  protected verify(resident: Resident): void {
    this.verifying.set(resident.id);
    this.api.verify(resident.id).subscribe({
      next: () => {
        this.verifying.set(null);
        this.message.success(this.i18n.t('residents.verified', { name: resident.displayName }));
        this.load();
      },
      error: () => this.verifying.set(null),
    });
  }
}
