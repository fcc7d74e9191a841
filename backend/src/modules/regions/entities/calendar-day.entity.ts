import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CalendarDayKind = 'HOLIDAY' | 'WORKDAY';

/** An exception to the Monday–Friday week: a public holiday, or a make-up workday (调休). */
@Entity('calendar_days')
export class CalendarDayEntity {
  /** `YYYY-MM-DD`, Asia/Shanghai. Kept as text: a calendar date has no time zone. */
  @PrimaryColumn({ type: 'char', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: CalendarDayKind;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
