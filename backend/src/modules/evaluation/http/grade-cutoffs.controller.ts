import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { CutoffDto, CutoffsOverviewDto, SetCutoffsDto } from '../dto/grading.dto';
import { GradeCutoffsService } from '../services/grade-cutoffs.service';

/**
 * 等级分数线 (issue #11 item 6): the lines that apply in and above the caller's region (staff), and setting a city's
 * or district's lines from a day on (officers of that region's subtree) — a new row each time, the old ones kept.
 */
@ApiTags('evaluation')
@Controller('v1/evaluation/grade-cutoffs')
export class GradeCutoffsController {
  constructor(private readonly cutoffs: GradeCutoffsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({
    type: CutoffsOverviewDto,
    description: 'Each city or district above and in your region: the lines that apply today and its own rows',
  })
  overview(@CurrentActor() actor: Actor): Promise<CutoffsOverviewDto> {
    return this.cutoffs.overview(actor);
  }

  @Post()
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiCreatedResponse({
    type: CutoffDto,
    description: 'New lines from `effectiveFrom` (today or later); 422 unless 0 < 1A < 2A < 3A < 4A < 5A ≤ 1000',
  })
  set(@CurrentActor() actor: Actor, @Body() dto: SetCutoffsDto): Promise<CutoffDto> {
    return this.cutoffs.set(actor, dto);
  }
}
