import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
} from 'class-validator';

import { IsBase64Text } from '../../../platform/http/base64';
import { IsInstant } from '../../../platform/http/dates';
import { IdParam, toIntParam } from '../../../platform/http/params';
import { FILE_EVIDENCE_KINDS, type FileEvidenceKind } from '../domain/evidence-rules';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** An optional text: trimmed; blank is the same as absent (null). */
const optionalText = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value;
const LEAF_KEY = /^[A-Za-z0-9_-]{1,32}$/;
const SCORE = /^\d{1,9}(\.\d{1,2})?$/;

// ---- path parameters

export class LeafParam extends IdParam {
  @Matches(LEAF_KEY, { message: 'leafKey is 1–32 letters, digits, - or _' }) leafKey!: string;
}

export class TaskEvidenceParam extends IdParam {
  @Transform(toIntParam) @IsInt() @Min(1) @Max(2147483647) evidenceId!: number;
}

// ---- writes

export class SaveScoreDto {
  @ApiPropertyOptional({
    example: '4.5',
    nullable: true,
    description:
      'The score, a decimal of at most 2 places within the leaf’s points; null: no score (a computed leaf then counts its computed value)',
  })
  @IsOptional()
  @IsString()
  @Matches(SCORE, { message: 'score is a decimal with at most 2 places, e.g. "4.5"' })
  score?: string | null;
  @ApiPropertyOptional({
    example: '现场核查台账，漏记 24 名服务对象',
    nullable: true,
    description: 'Required when a computed value is changed, or when a computed leaf has too little data (2–1000)',
  })
  @IsOptional()
  @Transform(optionalText)
  @IsString()
  @Length(2, 1000)
  overrideReason?: string | null;
  @ApiPropertyOptional({
    example: '查阅服务台账与签到表',
    nullable: true,
    description: 'The evaluator’s note (≤ 4000)',
  })
  @IsOptional()
  @Transform(optionalText)
  @IsString()
  @MaxLength(4000)
  note?: string | null;
}

export class UploadTaskEvidenceDto {
  @ApiProperty({ enum: FILE_EVIDENCE_KINDS, description: 'PHOTO (JPEG, PNG, WebP) or DOCUMENT (also PDF)' })
  @IsIn(FILE_EVIDENCE_KINDS)
  kind!: FileEvidenceKind;
  @ApiProperty({ type: [String], example: ['O2'], description: 'The leaves it supports (1–20 keys of the tree)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(LEAF_KEY, { each: true, message: 'each leaf key is 1–32 letters, digits, - or _' })
  leafKeys!: string[];
  @ApiProperty({ example: '入户走访.jpg' }) @IsString() @Length(1, 200) fileName!: string;
  @ApiProperty({ description: 'The file, base64-encoded, typed by its content, at most 5 MB' })
  @IsString()
  @IsBase64Text()
  @MaxLength(7_000_000)
  contentBase64!: string;
  @ApiPropertyOptional({
    example: '2026-11-20T10:15:00+08:00',
    description: 'When the photo was taken (required for a photo; not in the future)',
  })
  @IsOptional()
  @IsInstant()
  takenAt?: string;
  @ApiPropertyOptional({ example: '山西路社区老年助餐点', description: 'Where (required for a photo)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  place?: string;
}

export class AddInterviewDto {
  @ApiProperty({ type: [String], example: ['E1'], description: 'The leaves it supports (1–20 keys of the tree)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(LEAF_KEY, { each: true, message: 'each leaf key is 1–32 letters, digits, - or _' })
  leafKeys!: string[];
  @ApiProperty({
    example: '王阿姨（助餐服务对象）',
    description: 'Who was interviewed (not shown to the organisation)',
  })
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  interviewee!: string;
  @ApiProperty({ example: '2026-11-20T10:30:00+08:00', description: 'When (not in the future)' })
  @IsInstant()
  interviewedAt!: string;
  @ApiPropertyOptional({ example: '山西路社区活动中心' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  place?: string;
  @ApiProperty({ example: '每周送餐五次，饭菜软烂适口，送餐员准时。' })
  @Transform(trim)
  @IsString()
  @Length(2, 4000)
  summary!: string;
}

export class SubmitEvaluationDto {
  @ApiProperty({
    example: '项目按合同完成，服务对象满意度较高；建议加强台账管理。',
    description: 'The evaluator’s overall assessment (总体评价), 2–4000 characters',
  })
  @Transform(trim)
  @IsString()
  @Length(2, 4000)
  summary!: string;
}

// ---- answers

export class TaskEvidenceDto {
  @ApiProperty() id!: number;
  @ApiProperty({ enum: ['PHOTO', 'DOCUMENT', 'INTERVIEW'] }) kind!: 'PHOTO' | 'DOCUMENT' | 'INTERVIEW';
  @ApiProperty({ type: [String] }) leafKeys!: string[];
  @ApiProperty({ nullable: true, type: String }) fileName!: string | null;
  @ApiProperty({ nullable: true, type: String }) mime!: string | null;
  @ApiProperty({ nullable: true, type: Number }) size!: number | null;
  @ApiProperty({ description: 'SHA-256 of the file (of the note’s canonical text for an interview)' }) sha256!: string;
  @ApiProperty() hasThumbnail!: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Photo: when taken; interview: when held' })
  takenAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) place!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The camera’s EXIF time, when the photo has one' })
  exifTakenAt!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Hidden (null) for the evaluated organisation' })
  interviewee!: string | null;
  @ApiProperty({ nullable: true, type: String }) summary!: string | null;
  @ApiProperty() createdAt!: string;
}

export class ScoresheetDto {
  @ApiProperty({
    type: Object,
    description: 'The task: code, kind, status, contract, organisation, agency, dates, result',
  })
  task!: Record<string, unknown>;
  @ApiProperty({ type: Object, description: 'The frozen template: id, code, version, name, total' })
  template!: Record<string, unknown>;
  @ApiProperty({ enum: ['STAFF', 'EVALUATOR', 'ORGANISATION'] }) viewer!: string;
  @ApiProperty({ description: 'The caller is the task’s evaluator and the task is being scored' }) canScore!: boolean;
  @ApiProperty({ type: Object, description: 'Grade bands (lower bounds): EXCELLENT, GOOD, PASS' })
  bands!: Record<string, string>;
  @ApiProperty({
    type: [Object],
    description: 'The indicator tree with each leaf’s guide, entry, measure, score, evidence',
  })
  nodes!: unknown[];
  @ApiProperty({ type: Object, description: 'Live total (rounded half-up to 2 places, exact "n/d"), complete, grade' })
  total!: Record<string, unknown>;
  @ApiProperty({ type: [Object], description: 'Leaves still to score or with a problem: key, name, problem' })
  open!: unknown[];
  @ApiProperty({ type: Object, description: 'The project survey’s figures: answers, satisfied, proxied, rate' })
  survey!: Record<string, unknown>;
}
