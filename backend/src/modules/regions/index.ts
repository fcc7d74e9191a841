import { CalendarDayEntity } from './entities/calendar-day.entity';
import { RegionEntity } from './entities/region.entity';

export { RegionsModule } from './regions.module';
export { RegionsService, toRegionDto } from './services/regions.service';
export { CalendarService } from './services/calendar.service';
export type { RegionDto } from './dto/region.dto';
export type { RegionLevel } from './domain/region-rules';
export * from './domain/working-days';
/** Read-only view of a region for other contexts (never write through it). */
export type { RegionEntity as RegionRecord } from './entities/region.entity';
/** For the composition root's entity list only. */
export const REGIONS_ENTITIES = [RegionEntity, CalendarDayEntity];
