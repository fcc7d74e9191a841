import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import {
  AddWorkingDaysDto,
  AddWorkingDaysQuery,
  CalendarDateParam,
  CalendarYearDto,
  CalendarYearParam,
  PutCalendarDayDto,
} from '../dto/region.dto';
import { CalendarService } from '../services/calendar.service';

@ApiTags('calendar')
@Controller('v1/calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get('add-working-days')
  @RequirePermission(PERMISSIONS.CALENDAR_READ)
  @ApiOkResponse({ type: AddWorkingDaysDto })
  addWorkingDays(@Query() q: AddWorkingDaysQuery): Promise<AddWorkingDaysDto> {
    return this.calendar.addWorkingDaysReport(q.from, q.days);
  }

  @Get(':year')
  @RequirePermission(PERMISSIONS.CALENDAR_READ)
  @ApiOkResponse({ type: CalendarYearDto })
  year(@Param() p: CalendarYearParam): Promise<CalendarYearDto> {
    return this.calendar.year(p.year);
  }

  @Put('days/:date')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.CALENDAR_MANAGE)
  @ApiNoContentResponse()
  put(@CurrentActor() actor: Actor, @Param() p: CalendarDateParam, @Body() dto: PutCalendarDayDto): Promise<void> {
    return this.calendar.putDay(actor, p.date, dto);
  }

  @Delete('days/:date')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.CALENDAR_MANAGE)
  @ApiNoContentResponse()
  remove(@CurrentActor() actor: Actor, @Param() p: CalendarDateParam): Promise<void> {
    return this.calendar.deleteDay(actor, p.date);
  }
}
