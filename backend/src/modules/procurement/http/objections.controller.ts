import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { AnswerObjectionDto, ObjectionDto, ObjectionParam } from '../dto/procurement.dto';
import { ObjectionsService } from '../services/objections.service';

@ApiTags('procurement')
@Controller('v1/objections')
export class ObjectionsController {
  constructor(private readonly objections: ObjectionsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.TENDERS_READ)
  @ApiOkResponse({
    type: [ObjectionDto],
    description: 'Officers: objections to tenders in scope; organisations: their own.',
  })
  list(@CurrentActor() actor: Actor): Promise<ObjectionDto[]> {
    return this.objections.list(actor);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.TENDERS_READ)
  @ApiOkResponse({ type: ObjectionDto })
  get(@CurrentActor() actor: Actor, @Param() p: ObjectionParam): Promise<ObjectionDto> {
    return this.objections.get(actor, p.id);
  }

  @Post(':id/review')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.TENDERS_MANAGE)
  @ApiOkResponse({ type: ObjectionDto })
  review(@CurrentActor() actor: Actor, @Param() p: ObjectionParam): Promise<ObjectionDto> {
    return this.objections.review(actor, p.id);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.TENDERS_MANAGE)
  @ApiOkResponse({ type: ObjectionDto })
  answer(
    @CurrentActor() actor: Actor,
    @Param() p: ObjectionParam,
    @Body() dto: AnswerObjectionDto,
  ): Promise<ObjectionDto> {
    return this.objections.answer(actor, p.id, dto);
  }
}
