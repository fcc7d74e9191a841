import type { Money } from '../../../api';

/** The public portal's answers (backend `modules/portal/dto/portal.dto.ts`). */
export interface PortalRegionRef {
  id: number;
  name: string;
  level: 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY' | string;
}
export interface PortalRegion extends PortalRegionRef {
  parentId: number | null;
}
export interface PortalCount {
  code: string;
  count: number;
}
export interface PortalSatisfaction {
  answers: number;
  satisfied: number;
  rate: string | null;
}
export interface PortalFigures {
  year: number;
  region: PortalRegionRef;
  needsRaised: number;
  needsFunded: number;
  projectsByStage: PortalCount[];
  money: { allocated: Money; committed: Money; paid: Money };
  evaluation: { published: number; averageScore: string | null; grades: PortalCount[] };
  satisfaction: PortalSatisfaction;
}
export interface PortalProjectItem {
  id: number;
  title: string;
  stage: string;
  year: number;
  region: PortalRegionRef;
  estimated: Money;
  contractAmount: Money | null;
  paid: Money;
  organisationId: number | null;
  organisationName: string | null;
  grade: string | null;
  score: string | null;
}
export interface PortalDate {
  key: string;
  at: string | null;
  rule: string;
  days: number | null;
  unit: 'CALENDAR' | 'WORKING' | null;
  from: string | null;
  limit: string | null;
  kept: boolean | null;
  basis: string | null;
}
export interface PortalNeed {
  id: number;
  title: string;
  status: string;
  supportCount: number;
  community: PortalRegionRef;
  raisedBy: string | null;
  raisedAt: string;
}
export interface PortalTender {
  id: number;
  title: string;
  method: string;
  methodName: string;
  status: string;
  maxPrice: Money;
  dates: PortalDate[];
  award: { organisationId: number; organisationName: string; value: Money; noticeAt: string } | null;
}
export interface PortalContract {
  code: string;
  title: string;
  status: string;
  organisationId: number;
  organisationName: string;
  amount: Money;
  changes: Money;
  termStart: string;
  termEnd: string;
  paymentDays: number;
  dates: PortalDate[];
}
export interface PortalMilestone {
  seq: number;
  title: string;
  dueDate: string;
  tranche: Money;
  isFinal: boolean;
  status: string;
  acceptedAt: string | null;
  onTime: boolean | null;
}
export interface PortalPayment {
  seq: number;
  milestoneTitle: string;
  tranche: Money;
  amount: Money;
  released: Money;
  status: string;
  finalOutcome: string | null;
  paidAt: string | null;
  date: PortalDate;
}
export interface PortalEvaluation {
  code: string;
  kind: string;
  score: string;
  grade: string;
  publishedAt: string;
}
export interface PortalProject {
  id: number;
  title: string;
  stage: string;
  year: number;
  region: PortalRegionRef;
  itemName: string;
  quantity: number;
  unitPrice: Money;
  budgetLine: string;
  budgetSource: string;
  approvedAt: string | null;
  money: {
    estimated: Money;
    maxPrice: Money | null;
    awarded: Money | null;
    contracted: Money | null;
    paid: Money;
    released: Money;
  };
  needs: PortalNeed[];
  tenders: PortalTender[];
  contract: PortalContract | null;
  milestones: PortalMilestone[];
  payments: PortalPayment[];
  evaluations: PortalEvaluation[];
  satisfaction: PortalSatisfaction | null;
}
export interface PortalCommunity {
  id: number;
  name: string;
  parents: PortalRegionRef[];
  needsRaised: number;
  needsFunded: number;
  spent: Money;
  needs: Array<{
    id: number;
    title: string;
    status: string;
    supportCount: number;
    raisedAt: string;
    projectId: number | null;
  }>;
  projects: Array<{
    id: number;
    title: string;
    stage: string;
    needsHere: number;
    needsTotal: number;
    paid: Money;
    spentHere: Money;
  }>;
}
export interface PortalOrganisation {
  id: number;
  name: string;
  kind: string;
  region: PortalRegionRef;
  status: string;
  grade: { level: number; expiresOn: string; valid: boolean } | null;
  contractsTotal: Money;
  contracts: Array<{
    code: string;
    title: string;
    projectId: number;
    amount: Money;
    status: string;
    signedAt: string | null;
  }>;
  evaluations: Array<{
    code: string;
    kind: string;
    title: string;
    year: number;
    score: string;
    grade: string;
    publishedAt: string;
  }>;
  exclusions: Array<{
    kind: 'BLACKLIST' | 'SUSPENSION' | 'BAR' | string;
    from: string;
    until: string | null;
    inForce: boolean;
    regionName: string | null;
    evaluationCode: string | null;
    score: string | null;
  }>;
}
export interface PortalProjectFilter {
  q?: string;
  regionId?: number;
  year?: number;
  stage?: string;
  page?: number;
  pageSize?: number;
}
