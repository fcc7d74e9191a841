import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Idempotent } from '../../../platform/http/idempotency/idempotency.interceptor';
import { Page } from '../../../platform/http/pagination';
import {
  ChangeOrderDto,
  ContractChangesDto,
  IdParam,
  ListChangeOrdersQuery,
  ProposeChangeOrderDto,
  RejectChangeOrderDto,
  TerminateContractDto,
  TerminationDto,
} from '../dto/change-orders.dto';
import { ChangeOrdersService } from '../services/change-orders.service';
import { TerminationService } from '../services/termination.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * 补充合同 and 合同终止. The officer (CONTRACTS_MANAGE) proposes and terminates, finance (PAYMENTS_PAY) approves or
 * refuses; all in the contract's region subtree (404 outside it). The supplier reads its contract's approved change
 * orders.
 */
@ApiTags('contracts')
@Controller('v1')
export class ChangeOrdersController {
  constructor(
    private readonly changeOrders: ChangeOrdersService,
    private readonly termination: TerminationService,
  ) {}

  @Get('contracts/:id/change-orders')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @ApiOkResponse({ type: ContractChangesDto, description: 'The supplier sees approved change orders only' })
  forContract(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<ContractChangesDto> {
    return this.changeOrders.forContract(actor, p.id);
  }

  @Get('contracts/:id/change-orders/export.xlsx')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @Header('Content-Type', XLSX)
  @Header('Content-Disposition', 'attachment; filename="change-orders.xlsx"')
  @ApiProduces(XLSX)
  async exportForContract(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<StreamableFile> {
    return new StreamableFile(await this.changeOrders.contractXlsx(actor, p.id));
  }

  @Post('contracts/:id/change-orders')
  @Idempotent()
  @RequirePermission(PERMISSIONS.CONTRACTS_MANAGE)
  @ApiCreatedResponse({
    type: ChangeOrderDto,
    description: 'PROPOSED; 422 CHANGE_ORDER_OVER_CAP when approved change orders and this one exceed 10 %',
  })
  propose(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: ProposeChangeOrderDto,
  ): Promise<ChangeOrderDto> {
    return this.changeOrders.propose(actor, p.id, dto);
  }

  @Post('contracts/:id/terminate')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.CONTRACTS_MANAGE)
  @ApiOkResponse({
    type: TerminationDto,
    description: 'TERMINATED; the uncommitted remainder released to the budget line; a breach is recorded',
  })
  terminate(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: TerminateContractDto,
  ): Promise<TerminationDto> {
    return this.termination.terminate(actor, p.id, dto);
  }

  @Get('change-orders')
  @RequirePermission(PERMISSIONS.PAYMENTS_PAY)
  @ApiOkResponse({ description: 'Change orders of contracts in your region subtree (default: awaiting approval)' })
  queue(@CurrentActor() actor: Actor, @Query() q: ListChangeOrdersQuery): Promise<Page<ChangeOrderDto>> {
    return this.changeOrders.queue(actor, q);
  }

  @Get('change-orders/export.xlsx')
  @RequirePermission(PERMISSIONS.PAYMENTS_PAY)
  @Header('Content-Type', XLSX)
  @Header('Content-Disposition', 'attachment; filename="change-orders-queue.xlsx"')
  @ApiProduces(XLSX)
  async exportQueue(@CurrentActor() actor: Actor, @Query() q: ListChangeOrdersQuery): Promise<StreamableFile> {
    return new StreamableFile(await this.changeOrders.queueXlsx(actor, q));
  }

  @Post('change-orders/:id/approve')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.PAYMENTS_PAY)
  @ApiOkResponse({
    type: ChangeOrderDto,
    description: 'APPROVED: the amount committed from the budget line, a milestone added. 403 for the proposer.',
  })
  approve(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<ChangeOrderDto> {
    return this.changeOrders.approve(actor, p.id);
  }

  @Post('change-orders/:id/reject')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.PAYMENTS_PAY)
  @ApiOkResponse({ type: ChangeOrderDto, description: 'REJECTED by finance with the reason the officer reads' })
  reject(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: RejectChangeOrderDto,
  ): Promise<ChangeOrderDto> {
    return this.changeOrders.reject(actor, p.id, dto.reason);
  }

  @Post('change-orders/:id/withdraw')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.CONTRACTS_MANAGE)
  @ApiOkResponse({ type: ChangeOrderDto, description: 'REJECTED: the officer withdraws a proposed change order' })
  withdraw(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: RejectChangeOrderDto,
  ): Promise<ChangeOrderDto> {
    return this.changeOrders.reject(actor, p.id, dto.reason);
  }
}
