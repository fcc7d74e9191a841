import { cny } from './ocds-amounts';
import {
  awardCriteria,
  contractStatus,
  ContractStatusCode,
  EVALUATION_GRADE_NAMES,
  milestoneStatus,
  OPENED_TENDER_STATUSES,
  PROCUREMENT_METHODS,
  ReleaseTag,
  TenderMethodCode,
  tenderStatus,
  TenderStatusCode,
} from './ocds-codes';
import type { JsonObject } from './ocds-merge';

/**
 * One OCDS release from the public facts of a contracting process (one procurement project) at the database time of
 * a change. Pure. Each release is a full snapshot of what is public at that moment, tagged with the stages that
 * changed; what is sealed or personal never reaches the facts (queries/process-facts.ts) and is checked again here:
 * no tenderers or their number before the opening, no bid prices but the awarded one, no bank accounts, phone numbers
 * or residents' names (organisations are named by their registered name and 统一社会信用代码 only).
 */

/** The scheme of the 统一社会信用代码 (GB 32100) in identifiers and party ids. */
export const USCC_SCHEME = 'CN-USCC';
/** The scheme of the annual guidance catalogue's item codes (政府购买服务指导性目录). */
export const CATALOGUE_SCHEME = 'X-CN-GPS-CATALOGUE';

export interface PlaceFacts {
  /** Names from the top of the region tree down to the record's region (e.g. 南京市, 鼓楼区, 湖南路街道, 山西路社区). */
  names: string[];
  /** The region's 统计用区划代码 (12 digits). */
  code: string;
}

export interface OrganisationFacts {
  id: number;
  name: string;
  creditCode: string;
  place: PlaceFacts;
}

export interface BuyerFacts {
  name: string;
  place: PlaceFacts;
}

export interface AmendmentFacts {
  id: number;
  publishedAt: Date;
  body: string;
  deadlineBefore: Date | null;
  deadlineAfter: Date | null;
}

export interface TenderFacts {
  id: number;
  title: string;
  description: string;
  method: TenderMethodCode;
  status: TenderStatusCode;
  minGrade: number | null;
  scoringMethod: 'COMPREHENSIVE' | 'LOWEST_PRICE';
  priceWeightPct: number;
  criteria: Array<{ name: string; maxCents: number }>;
  maxPriceFen: string;
  publishedAt: Date | null;
  bidDeadline: Date;
  openedAt: Date | null;
  awardNoticeAt: Date | null;
  awardedAt: Date | null;
  evaluationRound: number;
  hasClarifications: boolean;
  amendments: AmendmentFacts[];
  /** Loaded only once the bids are opened (empty before): organisations whose bid was opened. */
  tenderers: OrganisationFacts[];
  /** The awarded bid, once the award notice is out: its price and organisation. */
  winner: { priceFen: string; organisation: OrganisationFacts } | null;
}

export interface MilestoneFacts {
  id: number;
  seq: number;
  title: string;
  dueAt: Date;
  shareBp: number;
  status: 'PENDING' | 'SUBMITTED' | 'ACCEPTED' | 'RETURNED';
  overdue: boolean;
  acceptedAt: Date | null;
  updatedAt: Date;
}

export interface PaymentFacts {
  id: number;
  milestoneSeq: number;
  amountFen: string;
  paidAt: Date;
}

export interface ChangeOrderFacts {
  id: number;
  decidedAt: Date;
  reason: string;
  scope: string;
  amountFen: string;
}

export interface EvaluationFacts {
  id: number;
  code: string;
  kind: 'FINAL' | 'MID_TERM';
  score: string;
  grade: string;
  publishedAt: Date;
  agencyName: string | null;
}

export interface ContractFacts {
  id: number;
  code: string;
  tenderId: number;
  round: number;
  title: string;
  status: ContractStatusCode;
  amountFen: string;
  changesFen: string;
  termStart: string;
  termEnd: string;
  signedAt: Date | null;
  publishedAt: Date | null;
  terminatedAt: Date | null;
  terminationKind: 'AGREEMENT' | 'BREACH' | 'NOT_SIGNED' | null;
  completedAt: Date | null;
  supplier: OrganisationFacts;
  milestones: MilestoneFacts[];
  payments: PaymentFacts[];
  changeOrders: ChangeOrderFacts[];
  evaluations: EvaluationFacts[];
}

export interface ProcessFacts {
  ocid: string;
  project: {
    id: number;
    title: string;
    status: string;
    itemCode: string;
    itemName: string;
    itemUnit: string;
    quantity: number;
    unitPriceFen: string;
    estimatedFen: string;
    approvedAt: Date | null;
    needCount: number;
    objectives: string[];
    place: PlaceFacts;
  };
  budget: { lineId: number; title: string; year: number; source: string };
  buyer: BuyerFacts;
  /** The latest tender of the project that was ever published (a DRAFT one is not public), or null. */
  tender: TenderFacts | null;
  /** The project's draft tender when no tender was published yet (what is planned), or null. */
  contract: ContractFacts | null;
  /** Award ids published by earlier releases of this process (an award that is gone now was cancelled). */
  earlierAwardIds: string[];
}

const FUND_SOURCE_NAMES: Readonly<Record<string, string>> = {
  CITY_FINANCE: '市级财政',
  DISTRICT_FINANCE: '区级财政',
  STREET_FINANCE: '街道财政',
  WELFARE_LOTTERY: '福彩公益金',
  DONATION: '社会捐赠',
};

/** An instant as OCDS date-time (UTC, milliseconds). */
export function iso(d: Date): string {
  return d.toISOString();
}

/** A Beijing calendar date's start or end as an OCDS date-time with the +08:00 offset. */
function beijingDay(date: string, end: boolean): string {
  return `${date}T${end ? '23:59:59' : '00:00:00'}+08:00`;
}

function address(p: PlaceFacts): JsonObject {
  const [top, second] = p.names;
  return {
    ...(second ? { locality: second } : {}),
    ...(top ? { region: top } : {}),
    countryName: '中国',
  };
}

export function buyerPartyId(b: BuyerFacts): string {
  return `CN-REGION-${b.place.code}-BUYER`;
}

export function organisationPartyId(o: OrganisationFacts): string {
  return `${USCC_SCHEME}-${o.creditCode}`;
}

function orgRef(o: OrganisationFacts): JsonObject {
  return { id: organisationPartyId(o), name: o.name };
}

export function awardId(tenderId: number, round: number): string {
  return `${tenderId}-${round}`;
}

function percent(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}

function pointsFromCents(cents: number): string {
  return cents % 100 === 0 ? String(cents / 100) : `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export interface ReleaseInput {
  facts: ProcessFacts;
  /** `<ocid>-<n>`: the n-th release of the process. */
  id: string;
  tags: ReleaseTag[];
  date: Date;
}

export function buildRelease({ facts, id, tags, date }: ReleaseInput): JsonObject {
  const { project, tender, contract, buyer } = facts;
  const parties = new Map<string, JsonObject & { roles: string[] }>();
  const role = (partyId: string, base: JsonObject, r: string) => {
    const p = parties.get(partyId) ?? { ...base, roles: [] as string[] };
    if (!p.roles.includes(r)) p.roles.push(r);
    parties.set(partyId, p);
  };
  const buyerId = buyerPartyId(buyer);
  const buyerParty: JsonObject = { id: buyerId, name: buyer.name, address: address(buyer.place) };
  role(buyerId, buyerParty, 'buyer');
  role(buyerId, buyerParty, 'procuringEntity');
  const orgParty = (o: OrganisationFacts): JsonObject => ({
    id: organisationPartyId(o),
    name: o.name,
    identifier: { scheme: USCC_SCHEME, id: o.creditCode, legalName: o.name },
    address: address(o.place),
  });
  const buyerRef = { id: buyerId, name: buyer.name };

  const items = [
    {
      id: '1',
      description: project.itemName,
      classification: { scheme: CATALOGUE_SCHEME, id: project.itemCode, description: project.itemName },
      quantity: project.quantity,
      unit: { name: project.itemUnit, value: cny(project.unitPriceFen) },
    },
  ];

  const planning: JsonObject = {
    rationale:
      `回应 ${project.needCount} 项居民需求（群众点单）` +
      (project.objectives.length > 0 ? `：${project.objectives.join('；')}` : ''),
    budget: {
      id: `budget-line-${facts.budget.lineId}`,
      description: `${facts.budget.year} 年度 ${facts.budget.title}（${FUND_SOURCE_NAMES[facts.budget.source] ?? facts.budget.source}）`,
      amount: cny(project.estimatedFen),
      project: project.title,
      projectID: String(project.id),
    },
    ...(project.approvedAt
      ? {
          milestones: [
            {
              id: 'planning-approval',
              title: '项目审批通过，预算已预留',
              type: 'approval',
              status: 'met',
              dateMet: iso(project.approvedAt),
            },
          ],
        }
      : {}),
  };

  let tenderSection: JsonObject;
  const awards: JsonObject[] = [];
  if (tender === null) {
    tenderSection = {
      id: `planned-${project.id}`,
      title: project.title,
      status: project.status === 'CANCELLED' ? 'cancelled' : 'planned',
      procuringEntity: buyerRef,
      items,
      value: cny(project.estimatedFen),
      mainProcurementCategory: 'services',
    };
  } else {
    const method = PROCUREMENT_METHODS[tender.method];
    const opened = OPENED_TENDER_STATUSES.includes(tender.status) && tender.openedAt !== null;
    const criteria =
      tender.scoringMethod === 'COMPREHENSIVE'
        ? `综合评分法：价格分 = 最低有效报价 ÷ 投标报价 × ${tender.priceWeightPct} 分；评审因素：${tender.criteria
            .map((c) => `${c.name}（${pointsFromCents(c.maxCents)} 分）`)
            .join('、')}；得分相同者报价低者优先。`
        : '最低评标价法：满足采购需求且报价最低的有效投标人为成交候选人。';
    tenderSection = {
      id: String(tender.id),
      title: tender.title,
      description: tender.description,
      status: tenderStatus(tender.status),
      procuringEntity: buyerRef,
      items,
      value: cny(tender.maxPriceFen),
      procurementMethod: method.method,
      procurementMethodDetails: method.details,
      mainProcurementCategory: 'services',
      awardCriteria: awardCriteria(tender.scoringMethod),
      awardCriteriaDetails: criteria,
      submissionMethod: ['electronicSubmission'],
      submissionMethodDetails: '通过点单平台在线提交，投标截止前密封，截止时统一开标',
      eligibilityCriteria:
        (tender.minGrade !== null ? `社会组织评估等级不低于 ${tender.minGrade}A 且在有效期内；` : '') +
        (tender.method === 'SINGLE_SOURCE' ? '单一来源：仅邀请指定机构；' : '') +
        '登记地或服务区域在本项目区域；未被列入黑名单或禁止参与投标。',
      ...(tender.publishedAt
        ? { tenderPeriod: { startDate: iso(tender.publishedAt), endDate: iso(tender.bidDeadline) } }
        : {}),
      hasEnquiries: tender.hasClarifications,
      ...(opened
        ? {
            awardPeriod: {
              startDate: iso(tender.openedAt as Date),
              ...(tender.awardedAt ? { endDate: iso(tender.awardedAt) } : {}),
            },
            numberOfTenderers: tender.tenderers.length,
            tenderers: tender.tenderers.map(orgRef),
          }
        : {}),
      ...(tender.amendments.length > 0
        ? {
            amendments: tender.amendments.map((a) => ({
              id: `amendment-${a.id}`,
              date: iso(a.publishedAt),
              rationale: '更正公告',
              description:
                a.body +
                (a.deadlineBefore && a.deadlineAfter && a.deadlineBefore.getTime() !== a.deadlineAfter.getTime()
                  ? `（投标截止时间由 ${iso(a.deadlineBefore)} 延至 ${iso(a.deadlineAfter)}）`
                  : ''),
            })),
          }
        : {}),
    };
    if (opened) for (const o of tender.tenderers) role(organisationPartyId(o), orgParty(o), 'tenderer');

    const noticeOut = tender.awardNoticeAt !== null && tender.winner !== null;
    if (noticeOut) {
      const w = tender.winner as NonNullable<TenderFacts['winner']>;
      const neverSigned = contract?.tenderId === tender.id && contract.terminationKind === 'NOT_SIGNED';
      const status =
        tender.status === 'CANCELLED' || neverSigned ? 'cancelled' : tender.status === 'AWARDED' ? 'active' : 'pending';
      awards.push({
        id: awardId(tender.id, tender.evaluationRound),
        title: tender.title,
        status,
        date: iso(tender.awardNoticeAt as Date),
        value: cny(w.priceFen),
        suppliers: [orgRef(w.organisation)],
        items,
      });
      role(organisationPartyId(w.organisation), orgParty(w.organisation), 'supplier');
    }
  }
  for (const earlier of facts.earlierAwardIds)
    if (!awards.some((a) => a.id === earlier)) awards.push({ id: earlier, status: 'cancelled' });

  const contracts: JsonObject[] = [];
  if (contract !== null && contract.signedAt !== null) {
    const supplierId = organisationPartyId(contract.supplier);
    role(supplierId, orgParty(contract.supplier), 'supplier');
    const transactions = contract.payments.map((p) => ({
      id: `payment-${p.id}`,
      date: iso(p.paidAt),
      value: cny(p.amountFen),
      payer: buyerRef,
      payee: orgRef(contract.supplier),
    }));
    if (transactions.length > 0) {
      role(buyerId, buyerParty, 'payer');
      role(supplierId, orgParty(contract.supplier), 'payee');
    }
    const milestones: JsonObject[] = contract.milestones.map((m) => ({
      id: `milestone-${m.id}`,
      title: `第 ${m.seq} 期：${m.title}`,
      type: 'delivery',
      description: `付款比例 ${percent(m.shareBp)}`,
      dueDate: iso(m.dueAt),
      status: milestoneStatus(m.status, m.overdue),
      ...(m.acceptedAt ? { dateMet: iso(m.acceptedAt) } : {}),
      dateModified: iso(m.updatedAt),
    }));
    for (const e of contract.evaluations)
      milestones.push({
        id: `evaluation-${e.id}`,
        title: e.kind === 'FINAL' ? '第三方绩效评价（终期）' : '第三方绩效评价（中期）',
        type: 'reporting',
        code: 'performanceEvaluation',
        description: `评估编号 ${e.code}：${e.score} 分，等级「${EVALUATION_GRADE_NAMES[e.grade] ?? e.grade}」${
          e.agencyName ? `（评估机构：${e.agencyName}）` : ''
        }`,
        status: 'met',
        dateMet: iso(e.publishedAt),
      });
    contracts.push({
      id: contract.code,
      awardID: awardId(contract.tenderId, contract.round),
      title: contract.title,
      status: contractStatus(contract.status, true),
      period: { startDate: beijingDay(contract.termStart, false), endDate: beijingDay(contract.termEnd, true) },
      value: cny(BigInt(contract.amountFen) + BigInt(contract.changesFen)),
      items,
      dateSigned: iso(contract.signedAt),
      ...(contract.changeOrders.length > 0
        ? {
            amendments: contract.changeOrders.map((c) => ({
              id: `change-order-${c.id}`,
              date: iso(c.decidedAt),
              rationale: c.reason,
              description: `补充合同：${c.scope}（增加金额 ${cny(c.amountFen).amount} 元）`,
            })),
          }
        : {}),
      implementation: {
        ...(transactions.length > 0 ? { transactions } : {}),
        ...(milestones.length > 0 ? { milestones } : {}),
      },
    });
  }

  return {
    ocid: facts.ocid,
    id,
    date: iso(date),
    tag: tags,
    initiationType: 'tender',
    language: 'zh',
    parties: [...parties.values()],
    buyer: buyerRef,
    planning,
    tender: tenderSection,
    ...(awards.length > 0 ? { awards } : {}),
    ...(contracts.length > 0 ? { contracts } : {}),
  };
}
