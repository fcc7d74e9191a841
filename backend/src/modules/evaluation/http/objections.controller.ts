import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Page } from '../../../platform/http/pagination';
import {
  DecideEvaluationObjectionDto,
  EvaluationObjectionDto,
  EvaluationObjectionPageDto,
  IdParam,
  ListObjectionsQuery,
  ObjectionFileParam,
} from '../dto/results.dto';
import { EvaluationObjectionsService } from '../services/evaluation-objections.service';

/** Objections to evaluation results: read in scope, decided by the officer of the task's region. */
@ApiTags('evaluation')
@Controller('v1/evaluation/objections')
export class EvaluationObjectionsController {
  constructor(private readonly objections: EvaluationObjectionsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ type: EvaluationObjectionPageDto, description: 'Open ones first, then newest first' })
  list(@CurrentActor() actor: Actor, @Query() q: ListObjectionsQuery): Promise<Page<EvaluationObjectionDto>> {
    return this.objections.list(actor, q);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiOkResponse({ type: EvaluationObjectionDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<EvaluationObjectionDto> {
    return this.objections.get(actor, p.id);
  }

  @Get(':id/files/:fileId')
  @RequirePermission(PERMISSIONS.EVALUATION_READ)
  @ApiProduces('application/pdf', 'image/png', 'image/jpeg')
  @ApiOkResponse({ description: 'An attachment of the objection' })
  async attachment(@CurrentActor() actor: Actor, @Param() p: ObjectionFileParam): Promise<StreamableFile> {
    const f = await this.objections.attachment(actor, p.id, p.fileId);
    return new StreamableFile(f.content, {
      type: f.mime,
      disposition: `inline; filename*=UTF-8''${encodeURIComponent(f.fileName)}`,
    });
  }

  @Post(':id/uphold')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({
    type: EvaluationObjectionDto,
    description: 'FILED → UPHELD; the evaluation goes back to the evaluator',
  })
  uphold(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: DecideEvaluationObjectionDto,
  ): Promise<EvaluationObjectionDto> {
    return this.objections.uphold(actor, p.id, dto.answer);
  }

  @Post(':id/dismiss')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.EVALUATION_MANAGE)
  @ApiOkResponse({
    type: EvaluationObjectionDto,
    description: 'FILED → DISMISSED; the result is published at once if its window has passed',
  })
  dismiss(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: DecideEvaluationObjectionDto,
  ): Promise<EvaluationObjectionDto> {
    return this.objections.dismiss(actor, p.id, dto.answer);
  }
}
