import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, Public, RequirePermission } from '../../../platform/access';
import { Idempotent } from '../../../platform/http/idempotency/idempotency.interceptor';
import { Page } from '../../../platform/http/pagination';
import {
  AmendmentDto,
  AnswerDto,
  BidDto,
  BidReceiptDto,
  ClarificationDto,
  CommitteeDto,
  CommitteeReportDto,
  ConfirmAwardDto,
  CreateTenderDto,
  DrawCommitteeDto,
  FileObjectionDto,
  IdParam,
  ListTendersQuery,
  MyBidDto,
  NoticeDto,
  NoticeParam,
  ObjectionDto,
  PublicTenderDto,
  PublicTendersQuery,
  QualificationDto,
  QuestionDto,
  ReasonDto,
  ScoreSheetDto,
  SubmitBidDto,
  SubmitScoresDto,
  TenderDocParam,
  TenderDto,
  UpdateTenderDto,
} from '../dto/procurement.dto';
import { BidsService } from '../services/bids.service';
import { EvaluationService } from '../services/evaluation.service';
import { ObjectionsService } from '../services/objections.service';
import { TendersService } from '../services/tenders.service';

@ApiTags('procurement')
@Controller('v1/tenders')
export class TendersController {
  constructor(
    private readonly tenders: TendersService,
    private readonly bids: BidsService,
    private readonly evaluation: EvaluationService,
    private readonly objections: ObjectionsService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.TENDERS_READ)
  @ApiOkResponse({
    description:
      'Officers: tenders of their region subtree; organisations: published calls; experts: their committees.',
  })
  list(@CurrentActor() actor: Actor, @Query() q: ListTendersQuery): Promise<Page<TenderDto>> {
    return this.tenders.list(actor, q);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.TENDERS_READ)
  @ApiOkResponse({ type: TenderDto, description: '`bidCount` is null while bids are sealed.' })
  get(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<TenderDto> {
    return this.tenders.get(actor, p.id);
  }

  @Post()
  @RequirePermission(PERMISSIONS.TENDERS_MANAGE)
  @ApiCreatedResponse({ type: TenderDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateTenderDto): Promise<TenderDto> {
    return this.tenders.create(actor, dto);
  }

  @Put(':id')
  @RequirePermission(PERMISSIONS.TENDERS_MANAGE)
  @ApiOkResponse({ type: TenderDto })
  update(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: UpdateTenderDto): Promise<TenderDto> {
    return this.tenders.update(actor, p.id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.TENDERS_MANAGE)
  @ApiOkResponse({
    type: TenderDto,
    description: '422 TENDER_PERIOD_TOO_SHORT when the deadline breaks the legal minimum period (with `earliest`).',
  })
  publish(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<TenderDto> {
    return this.tenders.publish(actor, p.id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.TENDERS_MANAGE)
  @ApiOkResponse({ type: TenderDto })
  cancel(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: ReasonDto): Promise<TenderDto> {
    return this.tenders.cancel(actor, p.id, dto.reason);
  }

  @Get(':id/notices')
  @RequirePermission(PERMISSIONS.TENDERS_READ)
  @ApiOkResponse({ type: [NoticeDto] })
  notices(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<NoticeDto[]> {
    return this.tenders.notices(actor, p.id);
  }

  @Post(':id/amendments')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.TENDERS_MANAGE)
  @ApiOkResponse({
    type: TenderDto,
    description: 'May move the deadline to keep 15 days; submitted bids must then be re-confirmed.',
  })
  amend(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: AmendmentDto): Promise<TenderDto> {
    return this.tenders.amend(actor, p.id, dto);
  }

  @Post(':id/clarifications')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.TENDERS_MANAGE)
  @ApiOkResponse({ type: [NoticeDto] })
  clarify(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: ClarificationDto): Promise<NoticeDto[]> {
    return this.tenders.clarify(actor, p.id, dto.body);
  }

  @Post(':id/questions')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.BIDS_SUBMIT)
  @ApiOkResponse({ type: [NoticeDto] })
  ask(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: QuestionDto): Promise<NoticeDto[]> {
    return this.tenders.ask(actor, p.id, dto.question);
  }

  @Post(':id/notices/:noticeId/answer')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.TENDERS_MANAGE)
  @ApiOkResponse({ type: [NoticeDto] })
  answer(@CurrentActor() actor: Actor, @Param() p: NoticeParam, @Body() dto: AnswerDto): Promise<NoticeDto[]> {
    return this.tenders.answer(actor, p.id, p.noticeId, dto.answer);
  }

  @Post(':id/interest')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.BIDS_SUBMIT)
  @ApiOkResponse({ type: TenderDto })
  interest(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<TenderDto> {
    return this.tenders.registerInterest(actor, p.id);
  }

  @Put(':id/my-bid')
  @Idempotent()
  @RequirePermission(PERMISSIONS.BIDS_SUBMIT)
  @ApiOkResponse({
    type: BidReceiptDto,
    description: 'Submits or replaces the sealed bid; 409 BID_LATE once the database clock passes the deadline.',
  })
  submitBid(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: SubmitBidDto): Promise<BidReceiptDto> {
    return this.bids.submit(actor, p.id, dto);
  }

  @Get(':id/my-bid')
  @RequirePermission(PERMISSIONS.BIDS_SUBMIT)
  @ApiOkResponse({ type: BidDto })
  myBid(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<BidDto> {
    return this.bids.mine(actor, p.id);
  }

  @Delete(':id/my-bid')
  @RequirePermission(PERMISSIONS.BIDS_SUBMIT)
  @ApiOkResponse({ type: BidDto })
  withdraw(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<BidDto> {
    return this.bids.withdraw(actor, p.id);
  }

  @Post(':id/my-bid/reconfirm')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.BIDS_SUBMIT)
  @ApiOkResponse({ type: BidReceiptDto })
  reconfirm(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<BidReceiptDto> {
    return this.bids.reconfirm(actor, p.id);
  }

  @Get(':id/bids')
  @RequirePermission(PERMISSIONS.TENDERS_READ)
  @ApiOkResponse({ type: [BidDto], description: '409 BIDS_SEALED before opening, for everybody.' })
  bidsOf(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<BidDto[]> {
    return this.bids.forTender(actor, p.id);
  }

  @Get(':id/bids/:bidId/documents/:documentId')
  @RequirePermission(PERMISSIONS.TENDERS_READ)
  async document(@CurrentActor() actor: Actor, @Param() p: TenderDocParam): Promise<StreamableFile> {
    const d = await this.bids.document(actor, p.id, p.bidId, p.documentId);
    return new StreamableFile(d.content, {
      type: d.mime,
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(d.fileName)}`,
    });
  }

  @Post(':id/qualification')
  @HttpCode(204)
  @RequirePermission(PERMISSIONS.TENDERS_MANAGE)
  qualify(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: QualificationDto): Promise<void> {
    return this.evaluation.qualify(actor, p.id, dto);
  }

  @Post(':id/committee/draw')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.TENDERS_MANAGE)
  @ApiOkResponse({ type: CommitteeDto })
  draw(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: DrawCommitteeDto): Promise<CommitteeDto> {
    return this.evaluation.draw(actor, p.id, dto);
  }

  @Get(':id/committee')
  @RequirePermission(PERMISSIONS.TENDERS_READ)
  @ApiOkResponse({
    type: CommitteeDto,
    description:
      'Members and who has submitted; the excluded experts and reasons to staff only; 404 to bidders until the award notice.',
  })
  committee(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<CommitteeDto> {
    return this.evaluation.committee(actor, p.id);
  }

  @Get(':id/my-scores')
  @RequirePermission(PERMISSIONS.SCORES_SUBMIT)
  @ApiOkResponse({ type: [ScoreSheetDto] })
  myScores(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<ScoreSheetDto[]> {
    return this.evaluation.myScores(actor, p.id);
  }

  @Put(':id/my-scores')
  @RequirePermission(PERMISSIONS.SCORES_SUBMIT)
  @ApiOkResponse({
    type: CommitteeDto,
    description: 'One sheet per qualified bid, final. The last member’s sheets produce the committee report.',
  })
  submitScores(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: SubmitScoresDto): Promise<CommitteeDto> {
    return this.evaluation.submitScores(actor, p.id, dto);
  }

  @Get(':id/report')
  @RequirePermission(PERMISSIONS.TENDERS_READ)
  @ApiOkResponse({
    type: CommitteeReportDto,
    description: 'To the officer, auditors and the committee once the report exists (409 before, and to bidders).',
  })
  report(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<CommitteeReportDto> {
    return this.evaluation.report(actor, p.id);
  }

  @Get(':id/report.xlsx')
  @RequirePermission(PERMISSIONS.TENDERS_READ)
  @Header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('Content-Disposition', 'attachment; filename="committee-report.xlsx"')
  async reportXlsx(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<StreamableFile> {
    return new StreamableFile(await this.evaluation.reportXlsx(actor, p.id));
  }

  @Post(':id/award')
  @HttpCode(200)
  @Idempotent()
  @RequirePermission(PERMISSIONS.TENDERS_MANAGE)
  @ApiOkResponse({ type: TenderDto, description: 'AWARD_NOTICE: published; the objection window starts.' })
  award(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: ConfirmAwardDto): Promise<TenderDto> {
    return this.tenders.confirmAward(actor, p.id, dto.winnerBidId);
  }

  @Post(':id/objections')
  @RequirePermission(PERMISSIONS.OBJECTIONS_FILE)
  @ApiCreatedResponse({ type: ObjectionDto })
  object(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: FileObjectionDto): Promise<ObjectionDto> {
    return this.objections.file(actor, p.id, dto.grounds);
  }
}

@ApiTags('procurement')
@Controller('v1/my/bids')
export class MyBidsController {
  constructor(private readonly bids: BidsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.BIDS_SUBMIT)
  @ApiOkResponse({ type: [MyBidDto] })
  list(@CurrentActor() actor: Actor): Promise<MyBidDto[]> {
    return this.bids.myBids(actor);
  }
}

@ApiTags('transparency')
@Controller('v1/public/tenders')
export class PublicTendersController {
  constructor(private readonly tenders: TendersService) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: 'Open calls and award notices (no sealed information).' })
  list(@Query() q: PublicTendersQuery): Promise<Page<PublicTenderDto>> {
    return this.tenders.publicList(q);
  }

  @Get(':id')
  @Public()
  @ApiOkResponse({ type: PublicTenderDto })
  get(@Param() p: IdParam): Promise<PublicTenderDto> {
    return this.tenders.publicGet(p.id);
  }
}
