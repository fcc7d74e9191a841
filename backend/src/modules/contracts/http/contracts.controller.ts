import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, Public, RequirePermission } from '../../../platform/access';
import { Idempotent } from '../../../platform/http/idempotency/idempotency.interceptor';
import { Page } from '../../../platform/http/pagination';
import {
  ContractDto,
  ContractSummaryDto,
  IdParam,
  ListContractsQuery,
  PublicContractNoticeDto,
  SignatoryDto,
  SignatoryViewDto,
  UpdateContractDto,
  UserIdParam,
} from '../dto/contract.dto';
import { ContractExportService } from '../services/contract-export.service';
import { ContractPdfService } from '../services/contract-pdf.service';
import { ContractsService } from '../services/contracts.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('contracts')
@Controller('v1/contracts')
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly pdf: ContractPdfService,
    private readonly exports: ContractExportService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @ApiOkResponse({ description: 'Staff: contracts of their region subtree; an organisation member: their own.' })
  list(@CurrentActor() actor: Actor, @Query() q: ListContractsQuery): Promise<Page<ContractSummaryDto>> {
    return this.contracts.list(actor, q);
  }

  @Get('export.xlsx')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @Header('Content-Type', XLSX)
  @Header('Content-Disposition', 'attachment; filename="contracts.xlsx"')
  @ApiProduces(XLSX)
  async export(@CurrentActor() actor: Actor, @Query() q: ListContractsQuery): Promise<StreamableFile> {
    return new StreamableFile(await this.exports.xlsx(actor, q));
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @ApiOkResponse({ type: ContractDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<ContractDto> {
    return this.contracts.get(actor, p.id);
  }

  @Get(':id/pdf')
  @RequirePermission(PERMISSIONS.CONTRACTS_READ)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The printable contract; a draft is marked 草稿. The SHA-256 is on every page.' })
  async download(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<StreamableFile> {
    const { pdf, fileName } = await this.pdf.render(actor, p.id);
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }

  @Put(':id')
  @RequirePermission(PERMISSIONS.CONTRACTS_MANAGE)
  @ApiOkResponse({ type: ContractDto, description: '422 with field paths; 409 CONTRACT_FROZEN once signed.' })
  update(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: UpdateContractDto): Promise<ContractDto> {
    return this.contracts.update(actor, p.id, dto);
  }

  @Post(':id/sign/purchaser')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.CONTRACTS_MANAGE)
  @ApiOkResponse({ type: ContractDto, description: 'The officer signs for the purchaser (甲方).' })
  signAsPurchaser(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<ContractDto> {
    return this.contracts.sign(actor, p.id, 'PURCHASER');
  }

  @Post(':id/sign/supplier')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.CONTRACTS_SELF)
  @ApiOkResponse({
    type: ContractDto,
    description: 'A signatory of the supplier signs (乙方); the second signature freezes and commits the budget.',
  })
  signAsSupplier(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<ContractDto> {
    return this.contracts.sign(actor, p.id, 'SUPPLIER');
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.CONTRACTS_MANAGE)
  @ApiOkResponse({ type: ContractDto, description: 'SIGNED → ACTIVE: the contract notice is public.' })
  publish(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<ContractDto> {
    return this.contracts.publish(actor, p.id);
  }
}

@ApiTags('contracts')
@Controller('v1/contract-signatories')
export class ContractSignatoriesController {
  constructor(private readonly contracts: ContractsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.CONTRACTS_SELF)
  @ApiOkResponse({ type: [SignatoryViewDto], description: 'The members of your organisation and who may sign.' })
  list(@CurrentActor() actor: Actor): Promise<SignatoryViewDto[]> {
    return this.contracts.signatories(actor);
  }

  @Put(':userId')
  @RequirePermission(PERMISSIONS.CONTRACTS_SELF)
  @ApiOkResponse({ type: [SignatoryViewDto], description: 'A signatory grants or withdraws another member’s rights.' })
  set(@CurrentActor() actor: Actor, @Param() p: UserIdParam, @Body() dto: SignatoryDto): Promise<SignatoryViewDto[]> {
    return this.contracts.setSignatory(actor, p.userId, dto.granted);
  }
}

@ApiTags('transparency')
@Controller('v1/public/tenders')
export class PublicContractNoticeController {
  constructor(private readonly contracts: ContractsService) {}

  @Get(':id/contract')
  @Public()
  @ApiOkResponse({
    type: PublicContractNoticeDto,
    description: 'The contract notice (合同公告) of an awarded tender once published: no bank accounts.',
  })
  notice(@Param() p: IdParam): Promise<PublicContractNoticeDto> {
    return this.contracts.publicNotice(p.id);
  }
}
