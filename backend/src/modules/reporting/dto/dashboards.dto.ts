import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

/** The charts, as their paths under /api/v1/dashboards (and their Excel exports). */
export const CHARTS = [
  'needs-funnel',
  'budget-execution',
  'projects',
  'milestones',
  'grades',
  'satisfaction',
  'organisations',
] as const;
export type Chart = (typeof CHARTS)[number];

/** The filters every dashboard takes. */
export class DashboardQuery {
  @ApiPropertyOptional({
    description: 'The subtree to report on: a region of yours (404 otherwise). Defaults to yours.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  regionId?: number;

  @ApiPropertyOptional({
    description: 'The budget year (needs: the Beijing year they were raised). Defaults to this year.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: 'A catalogue category code (A, A01 …): its whole subtree', example: 'A' })
  @IsOptional()
  @Matches(/^[A-Z][A-Z0-9]{0,15}$/, { message: 'category must be a catalogue category code such as A or A01' })
  category?: string;
}

export class ChartParam {
  @ApiProperty({ enum: CHARTS }) @IsIn(CHARTS) chart!: Chart;
}

export class RegionRefDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
}

export class CategoryRefDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

/** What a dashboard was computed for, and when (the database clock). */
export class DashboardFiltersDto {
  @ApiProperty({ type: RegionRefDto }) region!: RegionRefDto;
  @ApiProperty() year!: number;
  @ApiProperty({ type: CategoryRefDto, nullable: true }) category!: CategoryRefDto | null;
  @ApiProperty({ description: 'ISO instant (UTC) of the figures' }) generatedAt!: string;
}

export class FunnelStageDto {
  @ApiProperty({ enum: ['raised', 'accepted', 'approved', 'funded', 'delivered', 'evaluated'] }) stage!: string;
  @ApiProperty({ description: "In the reader's language" }) label!: string;
  @ApiProperty() needs!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'needs ÷ the previous stage, basis points, rounded down' })
  fromPreviousBp!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'needs ÷ raised, basis points, rounded down' })
  fromRaisedBp!: number | null;
}

export class NeedsFunnelDto {
  @ApiProperty({ type: DashboardFiltersDto }) filters!: DashboardFiltersDto;
  @ApiProperty({ type: [FunnelStageDto] }) stages!: FunnelStageDto[];
}

/** Money as strings of yuan (`"12345.67"`), from integer fen. */
export class ExecutionRowDto {
  @ApiProperty({ description: 'Region id, source code or category code; "-" for money not restricted to a category' })
  key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ example: '1200000.00' }) allocated!: string;
  @ApiProperty({ description: 'Outstanding reservations' }) reserved!: string;
  @ApiProperty({ description: 'Committed in total (outstanding commitments + paid)' }) committed!: string;
  @ApiProperty() paid!: string;
  @ApiProperty({ nullable: true, type: Number, description: 'committed ÷ allocated, basis points, rounded down' })
  committedRateBp!: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'paid ÷ allocated (执行率), basis points, rounded down' })
  paidRateBp!: number | null;
}

export class BudgetExecutionDto {
  @ApiProperty({ type: DashboardFiltersDto }) filters!: DashboardFiltersDto;
  @ApiProperty({ type: ExecutionRowDto }) total!: ExecutionRowDto;
  @ApiProperty({ type: [ExecutionRowDto] }) byRegion!: ExecutionRowDto[];
  @ApiProperty({ type: [ExecutionRowDto] }) bySource!: ExecutionRowDto[];
  @ApiProperty({ type: [ExecutionRowDto] }) byCategory!: ExecutionRowDto[];
}

export class ProjectStageDto {
  @ApiProperty() status!: string;
  @ApiProperty() label!: string;
  @ApiProperty() projects!: number;
  @ApiProperty({ description: 'Sum of the projects’ estimates, yuan' }) estimated!: string;
}

export class ProjectStagesDto {
  @ApiProperty({ type: DashboardFiltersDto }) filters!: DashboardFiltersDto;
  @ApiProperty({ type: [ProjectStageDto] }) stages!: ProjectStageDto[];
  @ApiProperty({ type: ProjectStageDto }) total!: ProjectStageDto;
}

export class MilestoneRowDto {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Accepted on or before the due time' }) onTime!: number;
  @ApiProperty({ description: 'Accepted after the due time' }) late!: number;
  @ApiProperty({ description: 'Not accepted, due time passed' }) overdue!: number;
  @ApiProperty({ description: 'Not accepted, not yet due' }) open!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'onTime ÷ (onTime + late + overdue), basis points' })
  onTimeRateBp!: number | null;
}

export class MilestonesDto {
  @ApiProperty({ type: DashboardFiltersDto }) filters!: DashboardFiltersDto;
  @ApiProperty({ type: MilestoneRowDto }) total!: MilestoneRowDto;
  @ApiProperty({ type: [MilestoneRowDto] }) byRegion!: MilestoneRowDto[];
}

export class GradeCountDto {
  @ApiProperty({ enum: ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] }) grade!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ description: 'Published FINAL results' }) final!: number;
  @ApiProperty({ description: 'Published MID_TERM results' }) midTerm!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'total ÷ all results, basis points' }) shareBp!:
    number | null;
}

export class GradeRegionDto {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty() excellent!: number;
  @ApiProperty() good!: number;
  @ApiProperty() pass!: number;
  @ApiProperty() fail!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Mean score, 2 places half up' }) averageScore!:
    string | null;
}

export class GradesDto {
  @ApiProperty({ type: DashboardFiltersDto }) filters!: DashboardFiltersDto;
  @ApiProperty({ type: [GradeCountDto] }) grades!: GradeCountDto[];
  @ApiProperty() results!: number;
  @ApiProperty({ nullable: true, type: String, description: 'Mean score of every result, 2 places half up' })
  averageScore!: string | null;
  @ApiProperty({ type: [GradeRegionDto] }) byRegion!: GradeRegionDto[];
}

export class SatisfactionRowDto {
  @ApiProperty() key!: string;
  @ApiProperty() label!: string;
  @ApiProperty() surveys!: number;
  @ApiProperty() answers!: number;
  @ApiProperty({ description: 'Answers with overall satisfaction 4 满意 or 5 非常满意' }) satisfied!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'satisfied ÷ answers, basis points, rounded down' })
  rateBp!: number | null;
}

export class SatisfactionDto {
  @ApiProperty({ type: DashboardFiltersDto }) filters!: DashboardFiltersDto;
  @ApiProperty({ type: SatisfactionRowDto }) total!: SatisfactionRowDto;
  @ApiProperty({ type: [SatisfactionRowDto] }) byRegion!: SatisfactionRowDto[];
  @ApiProperty({ type: [SatisfactionRowDto] }) byCategory!: SatisfactionRowDto[];
}

export class OrganisationRecordDto {
  @ApiProperty() id!: number;
  @ApiProperty() name!: string;
  @ApiProperty({ nullable: true, type: String, description: 'Registry grade 1A–5A, null when none or expired' })
  registryGrade!: string | null;
  @ApiProperty() contracts!: number;
  @ApiProperty({ description: 'Value of those contracts with approved changes, yuan' }) contractValue!: string;
  @ApiProperty() milestonesOnTime!: number;
  @ApiProperty({ description: 'Milestones accepted late plus those overdue and still open' }) lateDeliveries!: number;
  @ApiProperty() results!: number;
  @ApiProperty() excellent!: number;
  @ApiProperty() good!: number;
  @ApiProperty() pass!: number;
  @ApiProperty() fail!: number;
  @ApiProperty({ nullable: true, type: String }) averageScore!: string | null;
  @ApiProperty({ description: 'Bars from bidding in force now that reach this subtree' }) bars!: number;
}

export class OrganisationsDto {
  @ApiProperty({ type: DashboardFiltersDto }) filters!: DashboardFiltersDto;
  @ApiProperty({ type: [OrganisationRecordDto], description: 'Largest contract value first' })
  items!: OrganisationRecordDto[];
}
