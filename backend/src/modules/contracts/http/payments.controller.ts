import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Idempotent } from '../../../platform/http/idempotency/idempotency.interceptor';
import { Page } from '../../../platform/http/pagination';
import {
  ContractMilestoneParam,
  ContractPaymentsDto,
  IdParam,
  ListPaymentRequestsQuery,
  PaymentReasonDto,
  PaymentRequestDto,
} from '../dto/payments.dto';
import { PaymentsService } from '../services/payments.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The payments of one contract: the supplier requests, the parties and staff in the region read. */
@ApiTags('contracts')
@Controller('v1/contracts')
export class ContractPaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Get(':id/payments')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @ApiOkResponse({
    type: ContractPaymentsDto,
    description: 'Milestones with their payment requests, due dates and late-payment interest.',
  })
  overview(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<ContractPaymentsDto> {
    return this.payments.forContract(actor, p.id);
  }

  @Post(':id/milestones/:milestoneId/payment-request')
  @Idempotent()
  @RequirePermission(PERMISSIONS.CONTRACTS_SELF)
  @ApiCreatedResponse({
    type: PaymentRequestDto,
    description: 'The supplier requests the tranche of an accepted milestone (409 when one is already live).',
  })
  request(@CurrentActor() actor: Actor, @Param() p: ContractMilestoneParam): Promise<PaymentRequestDto> {
    return this.payments.request(actor, p.id, p.milestoneId);
  }
}

/** The payment queue: officers approve, finance pays (never the same person as an earlier step). */
@ApiTags('contracts')
@Controller('v1/payment-requests')
export class PaymentRequestsController {
  constructor(private readonly payments: PaymentsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @ApiOkResponse({ description: 'Staff: requests in their region subtree, by due date; a supplier: its own.' })
  list(@CurrentActor() actor: Actor, @Query() q: ListPaymentRequestsQuery): Promise<Page<PaymentRequestDto>> {
    return this.payments.list(actor, q);
  }

  @Get('export.xlsx')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @Header('Content-Type', XLSX)
  @Header('Content-Disposition', 'attachment; filename="payment-requests.xlsx"')
  @ApiProduces(XLSX)
  async export(@CurrentActor() actor: Actor, @Query() q: ListPaymentRequestsQuery): Promise<StreamableFile> {
    return new StreamableFile(await this.payments.listXlsx(actor, q));
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @ApiOkResponse({ type: PaymentRequestDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<PaymentRequestDto> {
    return this.payments.get(actor, p.id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.CONTRACTS_MANAGE)
  @ApiOkResponse({ type: PaymentRequestDto, description: 'The officer approves (never the requester).' })
  approve(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<PaymentRequestDto> {
    return this.payments.approve(actor, p.id);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.CONTRACTS_MANAGE)
  @ApiOkResponse({ type: PaymentRequestDto, description: 'The officer sends a request back with a reason.' })
  reject(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: PaymentReasonDto): Promise<PaymentRequestDto> {
    return this.payments.reject(actor, p.id, dto.reason, 'PROCUREMENT_OFFICER');
  }

  @Post(':id/return')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.PAYMENTS_PAY)
  @ApiOkResponse({ type: PaymentRequestDto, description: 'Finance sends a request (or an approved one) back.' })
  returnIt(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: PaymentReasonDto,
  ): Promise<PaymentRequestDto> {
    return this.payments.reject(actor, p.id, dto.reason, 'FINANCE_OFFICER');
  }

  @Post(':id/pay')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.PAYMENTS_PAY)
  @ApiOkResponse({
    type: PaymentRequestDto,
    description: 'Finance pays: the ledger disbursement and the status change in one transaction, once.',
  })
  pay(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<PaymentRequestDto> {
    return this.payments.pay(actor, p.id);
  }
}
