import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { AcceptLanguage } from '../../../platform/i18n';
import { IdParam, MyNeedDto, TransferDto } from '../dto/needs.dto';
import { NeedsService } from '../services/needs.service';
import { SupportsService } from '../services/supports.service';

@ApiTags('needs')
@Controller('v1')
export class MyNeedsController {
  constructor(
    private readonly needs: NeedsService,
    private readonly supports: SupportsService,
  ) {}

  @Get('my/needs')
  @RequirePermission(PERMISSIONS.NEEDS_READ)
  @ApiOkResponse({ type: [MyNeedDto], description: 'Needs I submitted or support, each with its timeline' })
  mine(@CurrentActor() actor: Actor, @AcceptLanguage() acceptLanguage?: string): Promise<MyNeedDto[]> {
    return this.needs.mine(actor, acceptLanguage);
  }

  @Get('support-transfers')
  @RequirePermission(PERMISSIONS.NEEDS_SUPPORT)
  @ApiOkResponse({ type: [TransferDto] })
  transfers(@CurrentActor() actor: Actor): Promise<TransferDto[]> {
    return this.supports.transfers(actor);
  }

  @Post('support-transfers/:id/accept')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.NEEDS_SUPPORT)
  @ApiOkResponse({ type: TransferDto })
  accept(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<TransferDto> {
    return this.supports.answerTransfer(actor, p.id, true);
  }

  @Post('support-transfers/:id/decline')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.NEEDS_SUPPORT)
  @ApiOkResponse({ type: TransferDto })
  decline(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<TransferDto> {
    return this.supports.answerTransfer(actor, p.id, false);
  }
}
