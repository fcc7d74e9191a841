import { Injectable } from '@nestjs/common';
import { Between, DataSource } from 'typeorm';

import { Actor } from '../../../platform/access';
import { dbNow } from '../../../platform/database/db-clock';
import { inTransaction } from '../../../platform/database/transaction';
import { AuditService } from '../../audit';
import { RegionsError, RegionsErrorCode } from '../domain/regions.errors';
import {
  addCalendarDays,
  addWorkingDays,
  endOfDayShanghai,
  parseDate,
  WorkingDayCalendar,
} from '../domain/working-days';
import { AddWorkingDaysDto, CalendarYearDto, PutCalendarDayDto } from '../dto/region.dto';
import { CalendarDayEntity } from '../entities/calendar-day.entity';

/** The working-day calendar: holidays and make-up workdays, maintained by administrators. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async year(year: number): Promise<CalendarYearDto> {
    const days = await this.dataSource.getRepository(CalendarDayEntity).find({
      where: { date: Between(`${year}-01-01`, `${year}-12-31`) },
      order: { date: 'ASC' },
    });
    return { year, days: days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })) };
  }

  /** The calendar exceptions covering [from, to] (both `YYYY-MM-DD`). */
  async calendarBetween(from: string, to: string): Promise<WorkingDayCalendar> {
    const rows = await this.dataSource.getRepository(CalendarDayEntity).find({ where: { date: Between(from, to) } });
    return {
      holidays: new Set(rows.filter((r) => r.kind === 'HOLIDAY').map((r) => r.date)),
      workdays: new Set(rows.filter((r) => r.kind === 'WORKDAY').map((r) => r.date)),
    };
  }

  /** The n-th working day after `from` — the function every legal period uses. */
  async addWorkingDays(from: string, n: number): Promise<string> {
    this.assertDate(from);
    // n working days never span more than 2n + 40 calendar days (the longest holiday is 9 days).
    const cal = await this.calendarBetween(from, addCalendarDays(from, 2 * n + 40));
    return addWorkingDays(from, n, cal);
  }

  async addWorkingDaysReport(from: string, n: number): Promise<AddWorkingDaysDto> {
    const date = await this.addWorkingDays(from, n);
    return { from, days: n, date, deadline: endOfDayShanghai(date).toISOString() };
  }

  async putDay(actor: Actor, date: string, dto: PutCalendarDayDto): Promise<void> {
    this.assertDate(date);
    await inTransaction(this.dataSource, async (em) => {
      const before = await em.findOneBy(CalendarDayEntity, { date });
      const now = await dbNow(em);
      await em.upsert(CalendarDayEntity, { date, kind: dto.kind, name: dto.name, updatedAt: now }, ['date']);
      await this.audit.record(em, actor, {
        action: 'regions.calendar.day_set',
        entityType: 'calendar_day',
        entityId: date,
        before: before && { kind: before.kind, name: before.name },
        after: { kind: dto.kind, name: dto.name },
      });
    });
  }

  async deleteDay(actor: Actor, date: string): Promise<void> {
    this.assertDate(date);
    await inTransaction(this.dataSource, async (em) => {
      const before = await em.findOneBy(CalendarDayEntity, { date });
      if (before === null)
        throw new RegionsError(RegionsErrorCode.CALENDAR_DAY_NOT_FOUND, `${date} is not a calendar exception.`);
      await em.delete(CalendarDayEntity, { date });
      await this.audit.record(em, actor, {
        action: 'regions.calendar.day_removed',
        entityType: 'calendar_day',
        entityId: date,
        before: { kind: before.kind, name: before.name },
      });
    });
  }

  private assertDate(date: string): void {
    try {
      parseDate(date);
    } catch {
      throw new RegionsError(RegionsErrorCode.CALENDAR_DATE_INVALID, `${date} is not a valid date.`);
    }
  }
}
