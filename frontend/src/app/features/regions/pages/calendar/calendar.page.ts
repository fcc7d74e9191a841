import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormsModule, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { PERMISSIONS } from '@diandan/access';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';

import { CALENDAR_DAY_KINDS, CalendarDay, CalendarDayKind, WorkingDaysResult } from '../../../../api';
import { AuthService } from '../../../../core/auth/auth.service';
import { TranslateCodePipe, TranslatePipe } from '../../../../core/i18n/translate.pipe';
import { TranslationService } from '../../../../core/i18n/translation.service';
import { formatDeadline, parseIsoDate, todayInBeijing, weekdayOf } from '../../../../shared/dates';
import { required } from '../../../../shared/validators';
import { CalendarApi } from '../../data/calendar.api';

export const CALENDAR_YEARS: readonly number[] = [2025, 2026, 2027];

/** This year when it is one of `years`, otherwise the nearest one. */
export function defaultYear(years: readonly number[], today: Date = new Date()): number {
  const year = today.getFullYear();
  return years.includes(year) ? year : year < years[0] ? years[0] : years[years.length - 1];
}

/** Holidays and make-up workdays of a year; edits with `calendar.manage`; a working-day calculator. */
@Component({
  selector: 'dd-calendar-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    FormsModule,
    ReactiveFormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzPopconfirmModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslatePipe,
    TranslateCodePipe,
  ],
  templateUrl: './calendar.page.html',
  styleUrl: './calendar.page.css',
})
export default class CalendarPage implements OnInit {
  private readonly api = inject(CalendarApi);
  private readonly auth = inject(AuthService);
  private readonly message = inject(NzMessageService);
  protected readonly i18n = inject(TranslationService);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly years = CALENDAR_YEARS;
  protected readonly kinds = CALENDAR_DAY_KINDS;
  protected readonly canManage = computed(() => this.auth.permissions().includes(PERMISSIONS.CALENDAR_MANAGE));

  protected readonly year = signal(defaultYear(CALENDAR_YEARS));
  protected readonly days = signal<CalendarDay[]>([]);
  protected readonly loading = signal(false);
  protected readonly saving = signal(false);

  protected readonly dayForm = this.fb.group({
    date: ['', required],
    kind: this.fb.control<CalendarDayKind>('HOLIDAY', required),
    name: ['', [required, Validators.maxLength(32)]],
  });

  protected readonly calcForm = this.fb.group({
    from: [todayInBeijing(), required],
    days: [5, [required, Validators.min(0), Validators.max(365)]],
  });
  protected readonly calcResult = signal<WorkingDaysResult | null>(null);

  ngOnInit(): void {
    this.load();
  }

  protected setYear(year: number): void {
    this.year.set(year);
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.api
      .year(this.year())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => {
          this.days.set([...result.days].sort((a, b) => a.date.localeCompare(b.date)));
          this.loading.set(false);
        },
        error: () => this.loading.set(false),
      });
  }

  protected weekday(date: string): string {
    return weekdayOf(date, this.i18n.lang());
  }

  protected edit(day: CalendarDay): void {
    this.dayForm.setValue({ date: day.date, kind: day.kind, name: day.name });
  }

  protected saveDay(): void {
    const { date, kind, name } = this.dayForm.getRawValue();
    if (this.dayForm.invalid || !parseIsoDate(date)) {
      for (const control of Object.values(this.dayForm.controls)) {
        control.markAsDirty();
        control.updateValueAndValidity({ onlySelf: true });
      }
      return;
    }
    this.saving.set(true);
    this.api.putDay(date, { kind, name: name.trim() }).subscribe({
      next: () => {
        this.saving.set(false);
        this.message.success(this.i18n.t('common.saved'));
        this.dayForm.reset({ date: '', kind, name: '' });
        const year = Number(date.slice(0, 4));
        if (year !== this.year() && this.years.includes(year)) this.year.set(year);
        this.load();
      },
      error: () => this.saving.set(false),
    });
  }

  protected deleteDay(day: CalendarDay): void {
    this.api.deleteDay(day.date).subscribe(() => {
      this.message.success(this.i18n.t('common.deleted'));
      this.load();
    });
  }

  protected calculate(): void {
    const { from, days } = this.calcForm.getRawValue();
    if (this.calcForm.invalid || !parseIsoDate(from)) {
      this.calcForm.markAllAsTouched();
      return;
    }
    this.api.addWorkingDays(from, Number(days)).subscribe((result) => this.calcResult.set(result));
  }

  protected calcText(result: WorkingDaysResult): string {
    return this.i18n.t('calendar.calc.result', {
      from: result.from,
      days: result.days,
      date: `${result.date} (${this.weekday(result.date)})`,
      deadline: formatDeadline(result.deadline),
    });
  }
}
