import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Idempotent } from '../../../platform/http/idempotency/idempotency.interceptor';
import { Page } from '../../../platform/http/pagination';
import { IdParam } from '../../../platform/http/params';
import { CustodyAccountDto, ForfeitCustodyDto, ListCustodyQuery, ReturnCustodyDto } from '../dto/custody.dto';
import { CustodyService } from '../services/custody.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Bid deposits and performance bonds (保证金): finance's accounts in its region subtree, an organisation's own. */
@ApiTags('custody')
@Controller('v1/custody')
export class CustodyController {
  constructor(private readonly custody: CustodyService) {}

  @Get('accounts')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @ApiOkResponse({ type: [CustodyAccountDto], description: 'Staff: the accounts of your region subtree' })
  list(@CurrentActor() actor: Actor, @Query() q: ListCustodyQuery): Promise<Page<CustodyAccountDto>> {
    return this.custody.list(actor, q);
  }

  @Get('accounts/export.xlsx')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @Header('Content-Type', XLSX)
  @Header('Content-Disposition', 'attachment; filename="custody-accounts.xlsx"')
  @ApiProduces(XLSX)
  async export(@CurrentActor() actor: Actor, @Query() q: ListCustodyQuery): Promise<StreamableFile> {
    return new StreamableFile(await this.custody.xlsx(actor, q));
  }

  @Get('mine')
  @RequirePermission(PERMISSIONS.CONTRACTS_SELF)
  @ApiOkResponse({ type: [CustodyAccountDto], description: 'My organisation’s deposits and bonds' })
  mine(@CurrentActor() actor: Actor, @Query() q: ListCustodyQuery): Promise<Page<CustodyAccountDto>> {
    return this.custody.mine(actor, q);
  }

  @Get('accounts/:id')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @ApiOkResponse({ type: CustodyAccountDto, description: 'With its ledger entries; 404 out of scope' })
  get(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<CustodyAccountDto> {
    return this.custody.get(actor, p.id);
  }

  @Post('accounts/:id/refund')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.PAYMENTS_PAY)
  @ApiOkResponse({ type: CustodyAccountDto, description: 'A bid deposit refunded, with any late interest' })
  refund(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: ReturnCustodyDto): Promise<CustodyAccountDto> {
    return this.custody.giveBack(actor, p.id, 'REFUND', dto.note);
  }

  @Post('accounts/:id/release')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.PAYMENTS_PAY)
  @ApiOkResponse({ type: CustodyAccountDto, description: 'A performance bond released, with any late interest' })
  release(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: ReturnCustodyDto,
  ): Promise<CustodyAccountDto> {
    return this.custody.giveBack(actor, p.id, 'RELEASE', dto.note);
  }

  @Post('accounts/:id/forfeit')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.PAYMENTS_PAY)
  @ApiOkResponse({ type: CustodyAccountDto, description: 'A bond kept after a termination for breach' })
  forfeit(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: ForfeitCustodyDto,
  ): Promise<CustodyAccountDto> {
    return this.custody.forfeit(actor, p.id, dto.reason);
  }
}
