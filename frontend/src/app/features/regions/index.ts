/** What other features may use from the regions context. */
export { RegionsApi } from './data/regions.api';
export { CalendarApi } from './data/calendar.api';
export { childLevel, indexRegions, regionLabel, toTreeNodes } from './data/region-tree';
