import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';

import { Actor, CurrentActor, PERMISSIONS, RequirePermission } from '../../../platform/access';
import { Page } from '../../../platform/http/pagination';
import { AcceptLanguage } from '../../../platform/i18n';
import {
  ApproveOrganisationDto,
  BlacklistOrganisationDto,
  DocumentDto,
  GradeProposalDto,
  GradeProposalParam,
  IdParam,
  ListOrganisationsQuery,
  OrganisationDetailDto,
  OrganisationDocumentParam,
  OrganisationDto,
  OrganisationPageDto,
  ReasonDto,
  RecordDto,
  RecordPageDto,
  RecordQuery,
} from '../dto/organisation.dto';
import { DocumentsService } from '../services/documents.service';
import { GradeProposalsService } from '../services/grade-proposals.service';
import { OrganisationsService } from '../services/organisations.service';
import { ReviewService } from '../services/review.service';
import { fileResponse } from './file-response';

/** Staff: the registry (their region subtree plus every ACTIVE organisation) and officers' decisions. */
@ApiTags('organisations')
@Controller('v1/organisations')
export class OrganisationsController {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly review: ReviewService,
    private readonly documents: DocumentsService,
    private readonly grades: GradeProposalsService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.ORGANISATIONS_READ)
  @ApiOkResponse({ type: OrganisationPageDto })
  list(@CurrentActor() actor: Actor, @Query() q: ListOrganisationsQuery): Promise<Page<OrganisationDto>> {
    return this.organisations.list(actor, q);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.ORGANISATIONS_READ)
  @ApiOkResponse({ type: OrganisationDetailDto })
  get(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<OrganisationDetailDto> {
    return this.organisations.get(actor, p.id);
  }

  @Get(':id/record')
  @RequirePermission(PERMISSIONS.ORGANISATIONS_READ)
  @ApiOkResponse({ type: RecordPageDto, description: 'The performance record, newest first' })
  record(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Query() q: RecordQuery,
    @AcceptLanguage() acceptLanguage?: string,
  ): Promise<Page<RecordDto>> {
    return this.organisations.record(actor, p.id, q, acceptLanguage);
  }

  @Get(':id/documents')
  @RequirePermission(PERMISSIONS.ORGANISATIONS_READ)
  @ApiOkResponse({ type: [DocumentDto] })
  listDocuments(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<DocumentDto[]> {
    return this.documents.list(actor, p.id);
  }

  @Get(':id/documents/:documentId')
  @RequirePermission(PERMISSIONS.ORGANISATIONS_READ)
  @ApiOkResponse({ description: 'The file' })
  async download(@CurrentActor() actor: Actor, @Param() p: OrganisationDocumentParam): Promise<StreamableFile> {
    return fileResponse(await this.documents.download(actor, p.id, p.documentId));
  }

  @Post(':id/approve')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.ORGANISATIONS_REVIEW)
  @ApiOkResponse({ type: OrganisationDetailDto, description: 'PENDING_REVIEW → ACTIVE; 409 from any other status' })
  approve(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: ApproveOrganisationDto,
  ): Promise<OrganisationDetailDto> {
    return this.review.approve(actor, p.id, dto);
  }

  @Post(':id/return')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.ORGANISATIONS_REVIEW)
  @ApiOkResponse({
    type: OrganisationDetailDto,
    description: 'PENDING_REVIEW → RETURNED with the reasons; the member edits and resubmits',
  })
  returnForChanges(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: ReasonDto,
  ): Promise<OrganisationDetailDto> {
    return this.review.returnForChanges(actor, p.id, dto);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.ORGANISATIONS_REVIEW)
  @ApiOkResponse({ type: OrganisationDetailDto, description: 'ACTIVE → SUSPENDED' })
  suspend(@CurrentActor() actor: Actor, @Param() p: IdParam, @Body() dto: ReasonDto): Promise<OrganisationDetailDto> {
    return this.review.suspend(actor, p.id, dto);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.ORGANISATIONS_REVIEW)
  @ApiOkResponse({
    type: OrganisationDetailDto,
    description: 'SUSPENDED → ACTIVE (a blacklisting ends only at its date)',
  })
  reinstate(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: ApproveOrganisationDto,
  ): Promise<OrganisationDetailDto> {
    return this.review.reinstate(actor, p.id, dto);
  }

  @Post(':id/blacklist')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.ORGANISATIONS_REVIEW)
  @ApiOkResponse({
    type: OrganisationDetailDto,
    description: 'ACTIVE | SUSPENDED → BLACKLISTED until the end of `until` (1–3 years ahead, else 422)',
  })
  blacklist(
    @CurrentActor() actor: Actor,
    @Param() p: IdParam,
    @Body() dto: BlacklistOrganisationDto,
  ): Promise<OrganisationDetailDto> {
    return this.review.blacklist(actor, p.id, dto);
  }

  @Get(':id/grade-proposals')
  @RequirePermission(PERMISSIONS.ORGANISATIONS_READ)
  @ApiOkResponse({ type: [GradeProposalDto], description: 'The organisation’s grade proposals, newest first' })
  gradeProposals(@CurrentActor() actor: Actor, @Param() p: IdParam): Promise<GradeProposalDto[]> {
    return this.grades.list(actor, p.id);
  }

  @Post(':id/grade-proposals/:proposalId/approve')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.ORGANISATIONS_REVIEW)
  @ApiOkResponse({
    type: GradeProposalDto,
    description:
      'The proposed grade becomes the organisation’s, decided on its certificate (422 without one, or expired); 409 unless PENDING',
  })
  approveGrade(
    @CurrentActor() actor: Actor,
    @Param() p: GradeProposalParam,
    @Body() dto: ApproveOrganisationDto,
  ): Promise<GradeProposalDto> {
    return this.grades.approve(actor, p.id, p.proposalId, dto);
  }

  @Post(':id/grade-proposals/:proposalId/reject')
  @HttpCode(200)
  @RequirePermission(PERMISSIONS.ORGANISATIONS_REVIEW)
  @ApiOkResponse({ type: GradeProposalDto, description: 'With the reason shown to the members; 409 unless PENDING' })
  rejectGrade(
    @CurrentActor() actor: Actor,
    @Param() p: GradeProposalParam,
    @Body() dto: ReasonDto,
  ): Promise<GradeProposalDto> {
    return this.grades.reject(actor, p.id, p.proposalId, dto);
  }
}
