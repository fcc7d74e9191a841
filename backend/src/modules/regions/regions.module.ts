import { Module } from '@nestjs/common';

import { CalendarController } from './http/calendar.controller';
import { RegionsController } from './http/regions.controller';
import { CalendarService } from './services/calendar.service';
import { RegionsService } from './services/regions.service';

@Module({
  controllers: [RegionsController, CalendarController],
  providers: [RegionsService, CalendarService],
  exports: [RegionsService, CalendarService],
})
export class RegionsModule {}
