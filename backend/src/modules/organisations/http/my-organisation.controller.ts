import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Page } from '../../../platform/http/pagination';
import { AcceptLanguage } from '../../../platform/i18n';
import {
  AddMemberDto,
  DocumentDto,
  DocumentIdParam,
  GradeProposalDto,
  MemberDto,
  MyGradeProposalParam,
  OrganisationDetailDto,
  ProposeGradeDto,
  RecordDto,
  RecordPageDto,
  RecordQuery,
  UpdateMyOrganisationDto,
  UploadDocumentDto,
} from '../dto/organisation.dto';
import { DocumentsService } from '../services/documents.service';
import { GradeProposalsService } from '../services/grade-proposals.service';
import { OrganisationsService } from '../services/organisations.service';
import { RegistrationService } from '../services/registration.service';
import { fileResponse } from './file-response';

/** Members of an organisation (ORG_MEMBER, EVALUATOR): their own organisation only. */
@ApiTags('organisations')
@Controller('v1/my/organisation')
export class MyOrganisationController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly registration: RegistrationService,
    private readonly documents: DocumentsService,
    private readonly grades: GradeProposalsService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.ORGANISATIONS_SELF)
  @ApiOkResponse({ type: OrganisationDetailDto, description: 'My organisation, with its review status' })
  get(@CurrentActor() actor: Actor): Promise<OrganisationDetailDto> {
    return this.organisations.mine(actor);
  }

  @Patch()
  @RequirePermission(PERMISSIONS.ORGANISATIONS_SELF)
  @ApiOkResponse({ type: OrganisationDetailDto })
  update(@CurrentActor() actor: Actor, @Body() dto: UpdateMyOrganisationDto): Promise<OrganisationDetailDto> {
    return this.registration.updateMine(actor, dto);
  }

  @Post('resubmit')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.ORGANISATIONS_SELF)
  @ApiOkResponse({ type: OrganisationDetailDto, description: 'RETURNED → PENDING_REVIEW' })
  resubmit(@CurrentActor() actor: Actor): Promise<OrganisationDetailDto> {
    return this.registration.resubmit(actor);
  }

  @Get('record')
  @RequirePermission(PERMISSIONS.ORGANISATIONS_SELF)
  @ApiOkResponse({ type: RecordPageDto })
  record(
    @CurrentActor() actor: Actor,
    @Query() q: RecordQuery,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<Page<RecordDto>> {
    return this.organisations.myRecord(actor, q, acceptLanguage);
  }

  @Get('documents')
  @RequirePermission(PERMISSIONS.ORGANISATIONS_SELF)
  @ApiOkResponse({ type: [DocumentDto] })
  listDocuments(@CurrentActor() actor: Actor): Promise<DocumentDto[]> {
    return this.documents.listMine(actor);
  }

  @Post('documents')
  @RequirePermission(PERMISSIONS.ORGANISATIONS_SELF)
  @ApiCreatedResponse({ type: DocumentDto, description: '422 when the content is not PDF, PNG or JPEG, or above 5 MB' })
  upload(@CurrentActor() actor: Actor, @Body() dto: UploadDocumentDto): Promise<DocumentDto> {
    return this.documents.upload(actor, dto);
  }

  @Get('documents/:documentId')
  @RequirePermission(PERMISSIONS.ORGANISATIONS_SELF)
  @ApiOkResponse({ description: 'The file' })
  async download(@CurrentActor() actor: Actor, @Param() p: DocumentIdParam): Promise<StreamableFile> {
    return fileResponse(await this.documents.downloadMine(actor, p.documentId));
  }

  @Get('members')
  @RequirePermission(PERMISSIONS.ORGANISATIONS_SELF)
  @ApiOkResponse({ type: [MemberDto] })
  members(@CurrentActor() actor: Actor): Promise<MemberDto[]> {
    return this.registration.members(actor);
  }

  @Post('members')
  @RequirePermission(PERMISSIONS.ORGANISATIONS_SELF)
  @ApiCreatedResponse({ type: MemberDto })
  addMember(@CurrentActor() actor: Actor, @Body() dto: AddMemberDto): Promise<MemberDto> {
    return this.registration.addMember(actor, dto);
  }

  @Get('grade-proposals')
  @RequirePermission(PERMISSIONS.ORGANISATIONS_SELF)
  @ApiOkResponse({ type: [GradeProposalDto], description: 'My organisation’s grade proposals, newest first' })
  gradeProposals(@CurrentActor() actor: Actor): Promise<GradeProposalDto[]> {
    return this.grades.listMine(actor);
  }

  @Post('grade-proposals')
  @RequirePermission(PERMISSIONS.ORGANISATIONS_SELF)
  @ApiCreatedResponse({
    type: GradeProposalDto,
    description:
      'PENDING until an officer of the region decides; the grade counts only once approved. 409 while another is pending; 422 naming documentId or expiresOn.',
  })
  proposeGrade(@CurrentActor() actor: Actor, @Body() dto: ProposeGradeDto): Promise<GradeProposalDto> {
    return this.grades.propose(actor, dto);
  }

  @Post('grade-proposals/:proposalId/withdraw')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.ORGANISATIONS_SELF)
  @ApiOkResponse({ type: GradeProposalDto, description: 'PENDING → WITHDRAWN; 409 once decided' })
  withdrawGrade(@CurrentActor() actor: Actor, @Param() p: MyGradeProposalParam): Promise<GradeProposalDto> {
    return this.grades.withdraw(actor, p.proposalId);
  }
}
