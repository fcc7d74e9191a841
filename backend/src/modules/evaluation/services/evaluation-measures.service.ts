import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { isHourUnit, planIndicators } from '../../contracts';
import {
  AcceptedReport,
  beneficiariesMeasure,
  fundsMeasure,
  MilestoneFacts,
  milestonesMeasure,
  serviceHoursMeasure,
  SystemMeasures,
} from '../domain/measures';
import { SurveyFiguresService } from './survey-figures.service';

function json<T>(text: string | null | undefined, fallback: T): T {
  try {
    const v = JSON.parse(text ?? '') as unknown;
    return (v ?? fallback) as T;
  } catch {
    return fallback;
  }
}

/**
 * The computed indicators of a contract, from the system's own data, read in the caller's transaction (so a
 * submission scores exactly what it stores): the project plan, the accepted progress reports, the milestones, the
 * paid payment requests and the project's survey. The rules of what counts are domain/measures.ts.
 */
@Injectable()
export class EvaluationMeasuresService {
  constructor(private readonly surveys: SurveyFiguresService) {}

  async measures(em: EntityManager, contractId: number): Promise<SystemMeasures> {
    const [project] = (await em.query(
      `SELECT p.id AS id, p.plan AS plan, p.quantity AS quantity, ci.unit AS unit
         FROM contracts c JOIN projects p ON p.id = c.project_id
         LEFT JOIN catalogue_items ci ON ci.id = p.catalogue_item_id
        WHERE c.id = ?`,
      [contractId],
    )) as Array<{ id: number; plan: string | null; quantity: number | null; unit: string | null }>;
    if (!project) return {};
    const milestoneRows = (await em.query(
      `SELECT id, status, due_at, accepted_at, is_final, amount_fen FROM contract_milestones
        WHERE contract_id = ? ORDER BY seq`,
      [contractId],
    )) as Array<{
      id: number;
      status: string;
      due_at: Date;
      accepted_at: Date | null;
      is_final: number;
      amount_fen: string;
    }>;
    const milestones: MilestoneFacts[] = milestoneRows.map((m) => ({
      status: m.status,
      dueAt: m.due_at,
      acceptedAt: m.accepted_at,
      isFinal: Number(m.is_final) === 1,
      amountFen: BigInt(m.amount_fen),
    }));
    // the accepted version of each accepted milestone's report
    const reportRows = (await em.query(
      `SELECT r.activities AS activities, r.service_hours AS serviceHours
         FROM contract_milestone_reports r JOIN contract_milestones m ON m.id = r.milestone_id
        WHERE r.contract_id = ? AND r.status = 'ACCEPTED' AND m.status = 'ACCEPTED'
        ORDER BY r.milestone_id, r.version`,
      [contractId],
    )) as Array<{ activities: string; serviceHours: string }>;
    const reports: AcceptedReport[] = reportRows.map((r) => ({
      activities: json<AcceptedReport['activities']>(r.activities, []),
      serviceHours: json<AcceptedReport['serviceHours']>(r.serviceHours, []),
    }));
    const paidRows = (await em.query(
      `SELECT r.amount_fen AS amountFen, m.is_final AS isFinal
         FROM payment_requests r JOIN contract_milestones m ON m.id = r.milestone_id
        WHERE r.contract_id = ? AND r.status = 'PAID'`,
      [contractId],
    )) as Array<{ amountFen: string; isFinal: number }>;

    const plan = json<{ beneficiaries?: unknown }>(project.plan, {});
    const hoursIndicator = planIndicators(project.plan).find((i) => isHourUnit(i.unit) && i.targetValue !== null);
    const satisfaction = await this.surveys.measure(em, project.id);
    return {
      BENEFICIARIES_SERVED: beneficiariesMeasure(plan.beneficiaries, reports),
      SERVICE_HOURS: serviceHoursMeasure({
        countedInHours: isHourUnit(project.unit),
        hoursIndicatorTarget: hoursIndicator?.targetValue ?? null,
        projectQuantity: project.quantity === null ? null : Number(project.quantity),
        reports,
      }),
      MILESTONES_ON_TIME: milestonesMeasure(milestones),
      FUNDS_PAID: fundsMeasure(
        milestones,
        paidRows.map((p) => ({ isFinal: Number(p.isFinal) === 1, amountFen: BigInt(p.amountFen) })),
      ),
      SATISFACTION: { ...satisfaction, basis: null },
    };
  }
}
