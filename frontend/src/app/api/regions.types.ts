import type { IsoDate, IsoInstant } from './common.types';

export type RegionLevel = 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY';
export const REGION_LEVELS: readonly RegionLevel[] = ['CITY', 'DISTRICT', 'STREET', 'COMMUNITY'];

export interface RegionRef {
  id: number;
  code: string;
  name: string;
  level: RegionLevel;
  path: string;
}

/** A node of `GET /api/v1/regions/tree`. */
export interface RegionNode extends RegionRef {
  parentId: number | null;
  children: RegionNode[];
}

export interface CreateRegionRequest {
  parentId: number;
  /** 12-digit statistical division code under the parent's prefix. */
  code: string;
  name: string;
}

export interface UpdateRegionRequest {
  name?: string;
  code?: string;
}

export type CalendarDayKind = 'HOLIDAY' | 'WORKDAY';
export const CALENDAR_DAY_KINDS: readonly CalendarDayKind[] = ['HOLIDAY', 'WORKDAY'];

export interface CalendarDay {
  date: IsoDate;
  kind: CalendarDayKind;
  name: string;
}

/** `GET /api/v1/calendar/:year`: the exceptions to Mon–Fri only. */
export interface CalendarYear {
  year: number;
  days: CalendarDay[];
}

export interface PutCalendarDayRequest {
  kind: CalendarDayKind;
  name: string;
}

/** `GET /api/v1/calendar/add-working-days` */
export interface WorkingDaysResult {
  from: IsoDate;
  days: number;
  date: IsoDate;
  /** 24:00 Asia/Shanghai of `date`, in UTC. */
  deadline: IsoInstant;
}
