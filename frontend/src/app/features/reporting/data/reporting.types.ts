import type { Money } from '../../../api';

/** `GET /api/v1/dashboards/*` (backend reporting/dto/dashboards.dto.ts); money as strings of yuan, rates in basis points. */
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

export interface DashboardQuery {
  regionId?: number;
  year?: number;
  category?: string;
}

export interface DashboardFilters {
  region: { id: number; name: string };
  year: number;
  category: { code: string; name: string } | null;
  generatedAt: string;
}

export interface FunnelStage {
  stage: string;
  label: string;
  needs: number;
  fromPreviousBp: number | null;
  fromRaisedBp: number | null;
}
export interface NeedsFunnel {
  filters: DashboardFilters;
  stages: FunnelStage[];
}

export interface ExecutionRow {
  key: string;
  label: string;
  allocated: Money;
  reserved: Money;
  committed: Money;
  paid: Money;
  committedRateBp: number | null;
  paidRateBp: number | null;
}
export interface BudgetExecution {
  filters: DashboardFilters;
  total: ExecutionRow;
  byRegion: ExecutionRow[];
  bySource: ExecutionRow[];
  byCategory: ExecutionRow[];
}

export interface ProjectStage {
  status: string;
  label: string;
  projects: number;
  estimated: Money;
}
export interface ProjectStages {
  filters: DashboardFilters;
  stages: ProjectStage[];
  total: ProjectStage;
}

export interface MilestoneRow {
  key: string;
  label: string;
  onTime: number;
  late: number;
  overdue: number;
  open: number;
  onTimeRateBp: number | null;
}
export interface Milestones {
  filters: DashboardFilters;
  total: MilestoneRow;
  byRegion: MilestoneRow[];
}

export interface GradeCount {
  grade: string;
  label: string;
  final: number;
  midTerm: number;
  total: number;
  shareBp: number | null;
}
export interface GradeRegion {
  key: string;
  label: string;
  excellent: number;
  good: number;
  pass: number;
  fail: number;
  averageScore: string | null;
}
export interface Grades {
  filters: DashboardFilters;
  grades: GradeCount[];
  results: number;
  averageScore: string | null;
  byRegion: GradeRegion[];
}

export interface SatisfactionRow {
  key: string;
  label: string;
  surveys: number;
  answers: number;
  satisfied: number;
  rateBp: number | null;
}
export interface Satisfaction {
  filters: DashboardFilters;
  total: SatisfactionRow;
  byRegion: SatisfactionRow[];
  byCategory: SatisfactionRow[];
}

export interface OrganisationRecord {
  id: number;
  name: string;
  registryGrade: string | null;
  contracts: number;
  contractValue: Money;
  milestonesOnTime: number;
  lateDeliveries: number;
  results: number;
  excellent: number;
  good: number;
  pass: number;
  fail: number;
  averageScore: string | null;
  bars: number;
}
export interface Organisations {
  filters: DashboardFilters;
  items: OrganisationRecord[];
}
