import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidationArguments,
} from 'class-validator';

import { IsBase64Text } from '../../../platform/http/base64';
import { IsCalendarDate } from '../../../platform/http/dates';
import { PageQuery } from '../../../platform/http/pagination';
import { IdParam, toIntParam } from '../../../platform/http/params';
import { IsReason } from '../../../platform/http/reason';
import { IsOptionalNotNull } from '../../../platform/http/validation';
import { CREDIT_CODE_PROBLEM_TEXT, creditCodeProblem } from '../domain/credit-code';
import {
  GRADE_PROPOSAL_ACTIONS,
  GRADE_PROPOSAL_STATUSES,
  type GradeProposalAction,
  type GradeProposalStatus,
} from '../domain/grade-proposal';
import {
  ORGANISATION_ACTIONS,
  ORGANISATION_STATUSES,
  type OrganisationAction,
  type OrganisationStatus,
} from '../domain/organisation.state-machine';
import {
  DOCUMENT_KINDS,
  MAX_SERVICE_AREAS,
  ORG_TYPES,
  ORGANISATION_KINDS,
  RECORD_KINDS,
  type DocumentKind,
  type OrganisationKind,
  type OrgType,
} from '../domain/registry-rules';

export { IdParam };

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$/;
const PHONE = /^\+?[0-9][0-9-]{5,19}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** 统一社会信用代码 with the GB 32100 check character (400 naming the field and what is wrong). */
function IsCreditCode(): PropertyDecorator {
  return ValidateBy({
    name: 'isCreditCode',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && creditCodeProblem(value) === null,
      defaultMessage: (args?: ValidationArguments) => {
        const value: unknown = args?.value;
        const problem = typeof value === 'string' ? creditCodeProblem(value) : 'LENGTH';
        return CREDIT_CODE_PROBLEM_TEXT[problem ?? 'CHECK_CHARACTER'];
      },
    },
  });
}

// ---- registration (public)

export class RegisterOrganisationDto {
  @ApiProperty({ example: '南京市鼓楼区乐善社会工作服务中心' })
  @Transform(trim)
  @IsString()
  @Length(2, 128)
  name!: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  @IsIn(ORGANISATION_KINDS)
  kind!: OrganisationKind;

  @ApiProperty({ enum: ORG_TYPES, description: '社会团体 / 社会服务机构 / 基金会' })
  @IsIn(ORG_TYPES)
  orgType!: OrgType;

  @ApiProperty({
    example: '52320106MJ5000017',
    description: '18 characters; the last is the GB 32100 check character. Lower case is accepted.',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsString()
  @IsCreditCode()
  creditCode!: string;

  @ApiProperty({ description: 'Registered region: a district or a street (GET /organisations/register/regions)' })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  regionId!: number;

  @ApiProperty({ example: '周明' })
  @Transform(trim)
  @IsString()
  @Length(1, 64)
  legalRepresentative!: string;

  @ApiProperty({ example: '025-83000000' })
  @IsString()
  @Matches(PHONE, { message: 'contactPhone must be 6–20 digits (a leading + and dashes allowed)' })
  contactPhone!: string;

  @ApiPropertyOptional({ type: [Number], description: 'Regions served besides the registered one' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SERVICE_AREAS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(2147483647, { each: true })
  serviceRegionIds?: number[];

  @ApiProperty({ example: 'lexin_admin', description: 'The first member account (3–64 of A–Z a–z 0–9 _ . -)' })
  @IsString()
  @Matches(USERNAME, { message: 'username must be 3–64 characters of letters, digits, _ . -' })
  username!: string;

  @ApiProperty({ example: '周明' })
  @Transform(trim)
  @IsString()
  @Length(1, 64)
  displayName!: string;

  @ApiProperty({ description: '8–128 characters, not the username, not a common password' })
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class RegistrationResultDto {
  @ApiProperty() organisationId!: number;
  @ApiProperty({ enum: ORGANISATION_STATUSES }) status!: OrganisationStatus;
  @ApiProperty() username!: string;
}

export class RegionOptionDto {
  @ApiProperty() id!: number;
  @ApiProperty({ nullable: true, type: Number }) parentId!: number | null;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() level!: string;
  @ApiProperty() path!: string;
  @ApiProperty({ type: () => [RegionOptionDto] }) children!: RegionOptionDto[];
}

// ---- reading

export class ListOrganisationsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_STATUSES })
  @IsOptional()
  @IsIn(ORGANISATION_STATUSES)
  status?: OrganisationStatus;
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS }) @IsOptional() @IsIn(ORGANISATION_KINDS) kind?: OrganisationKind;
  @ApiPropertyOptional({ description: 'Part of the name, or the start of the credit code' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  q?: string;
  @ApiPropertyOptional({ description: 'true: only organisations with a grade proposal waiting for a decision' })
  @IsOptional()
  @IsIn(['true', 'false'])
  pendingGradeProposal?: 'true' | 'false';
  @ApiPropertyOptional({ enum: ['name', '-createdAt'], default: 'name' })
  @IsOptional()
  @IsIn(['name', '-createdAt'])
  sort?: 'name' | '-createdAt';
}

/** One organisation in a list (and the shape other features use for pickers). */
export class OrganisationDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind!: OrganisationKind;
  @ApiProperty({ enum: ORG_TYPES, nullable: true }) orgType!: OrgType | null;
  @ApiProperty() creditCode!: string;
  @ApiProperty() regionId!: number;
  @ApiProperty({ nullable: true, type: String }) regionName!: string | null;
  @ApiProperty({ enum: ORGANISATION_STATUSES }) status!: OrganisationStatus;
  @ApiProperty({ nullable: true, type: Number, description: '1..5 = 1A..5A as recorded' }) grade!: number | null;
  @ApiProperty({ nullable: true, type: String, example: '2028-12-31' }) gradeExpiresOn!: string | null;
  @ApiProperty({ description: 'The grade counts today (decided and not past its expiry)' }) gradeValid!: boolean;
  @ApiProperty({ nullable: true, type: String }) blacklistedUntil!: string | null;
  @ApiProperty() createdAt!: string;
}

export class OrganisationPageDto {
  @ApiProperty({ type: [OrganisationDto] }) items!: OrganisationDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ServiceAreaDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty() level!: string;
}

export class OrganisationDetailDto extends OrganisationDto {
  @ApiProperty({ nullable: true, type: String }) legalRepresentative!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone!: string | null;
  @ApiProperty({ type: [ServiceAreaDto] }) serviceAreas!: ServiceAreaDto[];
  @ApiProperty({ nullable: true, type: String }) bankName!: string | null;
  @ApiProperty({ nullable: true, type: String }) bankAccountName!: string | null;
  @ApiProperty({ nullable: true, type: String }) bankAccountNo!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was returned, suspended or blacklisted' })
  statusReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
  @ApiProperty({ enum: ORGANISATION_ACTIONS, isArray: true, description: 'What the caller may do now' })
  actions!: OrganisationAction[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When the grade was decided (by an officer, or the system)',
  })
  gradeDecidedAt!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Who decided it; null: the system (seed, data present before)',
  })
  gradeDecidedByName!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The certificate the grade was decided on' })
  gradeDocumentId!: number | null;
  @ApiProperty({ nullable: true, type: () => GradeProposalDto, description: 'The proposal waiting for a decision' })
  pendingGradeProposal!: GradeProposalDto | null;
  @ApiProperty({
    enum: GRADE_PROPOSAL_ACTIONS,
    isArray: true,
    description: 'What the caller may do with the pending proposal (officers: APPROVE, REJECT; members: WITHDRAW)',
  })
  gradeProposalActions!: GradeProposalAction[];
  @ApiProperty({ description: 'Members: a grade may be proposed now (no proposal is pending)' })
  canProposeGrade!: boolean;
}

// ---- officers' decisions

export class ApproveOrganisationDto {
  @ApiPropertyOptional() @IsOptional() @Transform(trim) @IsString() @MaxLength(500) note?: string;
}

export class ReasonDto {
  @ApiProperty({ example: '登记证书扫描件不清晰，请重新上传' })
  @IsReason()
  reason!: string;
}

export class BlacklistOrganisationDto extends ReasonDto {
  @ApiProperty({
    example: '2028-06-30',
    description: 'Last day of the blacklisting (Asia/Shanghai): 1 to 3 years from today',
  })
  @IsString()
  @IsCalendarDate()
  until!: string;
}

// ---- members' profile

export class UpdateMyOrganisationDto {
  @ApiPropertyOptional({ description: 'Only while the registration is under review or returned' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 128)
  name?: string;

  @ApiPropertyOptional({ enum: ORG_TYPES, description: 'Only while the registration is under review or returned' })
  @IsOptional()
  @IsIn(ORG_TYPES)
  orgType?: OrgType;

  @ApiPropertyOptional({
    description: 'Only while the registration is under review or returned: a district or a street',
  })
  @IsOptionalNotNull() // an organisation always has a region: null answered 500
  @IsInt()
  @Min(1)
  @Max(2147483647)
  regionId?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 64)
  legalRepresentative?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: 'contactPhone must be 6–20 digits (a leading + and dashes allowed)' })
  contactPhone?: string;

  @ApiPropertyOptional({ type: [Number], description: 'Replaces the service areas' })
  @IsOptionalNotNull() // replaced by a list, never by null
  @IsArray()
  @ArrayMaxSize(MAX_SERVICE_AREAS)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(2147483647, { each: true })
  serviceRegionIds?: number[];

  @ApiPropertyOptional({ example: '中国工商银行南京鼓楼支行' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 128)
  bankName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 128)
  bankAccountName?: string;

  @ApiPropertyOptional({ example: '4301010109100123456' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{8,32}$/, { message: 'bankAccountNo must be 8–32 digits' })
  bankAccountNo?: string;
}

// ---- grade proposals

export class ProposeGradeDto {
  @ApiProperty({ minimum: 1, maximum: 5, description: '1..5 = 1A..5A' })
  @IsInt()
  @Min(1)
  @Max(5)
  grade!: number;

  @ApiProperty({ example: '2028-12-31', description: 'Last valid day of the grade (Asia/Shanghai), not passed' })
  @IsString()
  @IsCalendarDate()
  expiresOn!: string;

  @ApiProperty({
    description:
      'The certificate: one of my organisation’s documents of kind GRADE_CERTIFICATE or QUALIFICATION (upload it first)',
  })
  @IsInt()
  @Min(1)
  @Max(2147483647)
  documentId!: number;

  @ApiPropertyOptional({ example: '2025 年度评估结论' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class GradeProposalDto {
  @ApiProperty() id!: number;
  @ApiProperty() organisationId!: number;
  @ApiProperty({ description: '1..5 = 1A..5A' }) grade!: number;
  @ApiProperty({ example: '2028-12-31' }) expiresOn!: string;
  @ApiProperty({ nullable: true, type: Number }) documentId!: number | null;
  @ApiProperty({ nullable: true, type: String }) documentName!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({ enum: GRADE_PROPOSAL_STATUSES }) status!: GradeProposalStatus;
  @ApiProperty({ nullable: true, type: String }) proposedByName!: string | null;
  @ApiProperty() proposedAt!: string;
  @ApiProperty({ nullable: true, type: String }) decidedByName!: string | null;
  @ApiProperty({ nullable: true, type: String }) decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was rejected, or the approving note' })
  decisionReason!: string | null;
}

export class GradeProposalParam extends IdParam {
  @Transform(toIntParam) @IsInt() @Min(1) @Max(2147483647) proposalId!: number;
}

export class MyGradeProposalParam {
  @Transform(toIntParam) @IsInt() @Min(1) @Max(2147483647) proposalId!: number;
}

// ---- documents

export class UploadDocumentDto {
  @ApiProperty({ enum: DOCUMENT_KINDS }) @IsIn(DOCUMENT_KINDS) kind!: DocumentKind;
  @ApiProperty({ example: '登记证书.pdf' }) @IsString() @Length(1, 255) fileName!: string;
  @ApiProperty({ description: 'The file, base64-encoded: PDF, PNG or JPEG (checked by content), at most 5 MB' })
  @IsString()
  @IsBase64Text()
  @MaxLength(7_000_000)
  contentBase64!: string;
}

export class DocumentDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind!: DocumentKind;
  @ApiProperty() fileName!: string;
  @ApiProperty() mime!: string;
  @ApiProperty() size!: number;
  @ApiProperty() sha256!: string;
  @ApiProperty() uploadedBy!: number;
  @ApiProperty() createdAt!: string;
}

export class DocumentIdParam {
  @Transform(toIntParam) @IsInt() @Min(1) @Max(2147483647) documentId!: number;
}

export class OrganisationDocumentParam extends IdParam {
  @Transform(toIntParam) @IsInt() @Min(1) @Max(2147483647) documentId!: number;
}

// ---- members

export class AddMemberDto {
  @ApiProperty({ example: 'yg_staff2' })
  @IsString()
  @Matches(USERNAME, { message: 'username must be 3–64 characters of letters, digits, _ . -' })
  username!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @Length(1, 64)
  displayName!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password!: string;

  @ApiPropertyOptional({ example: '13800000000' })
  @IsOptional()
  @IsString()
  @Matches(/^\+?[0-9]{6,19}$/, { message: 'phone must be 6–19 digits, optionally starting with +' })
  phone?: string;
}

export class MemberDto {
  @ApiProperty() id!: number;
  @ApiProperty() username!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ isArray: true, type: String }) roles!: string[];
  @ApiProperty() status!: string;
  @ApiProperty() createdAt!: string;
}

// ---- performance record

export class RecordDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: RECORD_KINDS }) kind!: string;
  @ApiProperty() summary!: string;
  @ApiProperty({ nullable: true, type: String }) referenceType!: string | null;
  @ApiProperty({ nullable: true, type: String }) referenceId!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '优秀' }) gradeLabel!: string | null;
  @ApiProperty({ nullable: true, type: String, example: '120000.00', description: 'Yuan with two decimals' }) amount!:
    string | null;
  @ApiProperty() createdAt!: string;
}

export class RecordPageDto {
  @ApiProperty({ type: [RecordDto] }) items!: RecordDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class RecordQuery extends PageQuery {}
