import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Actor, inRegionScope } from '../../../platform/access';
import { EvaluationError, EvaluationErrorCode } from '../domain/evaluation.errors';
import { SurveyEntity } from '../entities/evaluation.entities';
import { ProjectFacts, SurveyQueries } from '../queries/survey-queries';

/**
 * Who reaches a project's survey, and as what:
 * - MANAGE — the procurement officer of the project's region subtree (opens, closes, records beneficiaries);
 * - WORKER — a community worker whose community the project serves: the project's region is inside the worker's,
 *   or the worker's community is inside a street-wide project's region (shares the link, takes proxy answers,
 *   records beneficiaries, for the residents of their own subtree);
 * - READ — staff of the region subtree (officers, finance, auditors), the evaluators of an agency with a task on the
 *   project, and the members of the evaluated organisation (figures only).
 * Anything else is not found (404), exactly like a missing project.
 */
export type SurveyRole = 'MANAGE' | 'WORKER' | 'READ';

@Injectable()
export class SurveyAccess {
  constructor(private readonly queries: SurveyQueries) {}

  async project(em: EntityManager, actor: Actor, projectId: number, as: SurveyRole): Promise<ProjectFacts> {
    const p = await this.queries.project(em, projectId);
    if (p !== null && (await this.reaches(em, actor, p, as))) return p;
    throw new EvaluationError(EvaluationErrorCode.PROJECT_NOT_FOUND, `Project ${projectId} not found.`);
  }

  async reaches(em: EntityManager, actor: Actor, p: ProjectFacts, as: SurveyRole): Promise<boolean> {
    switch (as) {
      case 'MANAGE':
        return inRegionScope(actor, p.regionPath);
      case 'WORKER':
        return workerServes(actor, p.regionPath);
      case 'READ': {
        if (actor.regionPath !== null && inRegionScope(actor, p.regionPath)) return true;
        if (actor.organisationId === null) return false;
        if (actor.roles.includes('ORG_MEMBER')) {
          const survey = await em.findOne(SurveyEntity, { where: { projectId: p.projectId } });
          const org = survey
            ? (await this.queries.contractOrganisation(em, survey.contractId))?.id
            : p.contract?.organisationId;
          if (org === actor.organisationId) return true;
        }
        if (actor.roles.includes('EVALUATOR'))
          return this.queries.agencyEvaluates(em, actor.organisationId, p.projectId);
        return false;
      }
    }
  }
}

/** A worker serves a project of their subtree, and a wider (street) project that covers their community. */
export function workerServes(actor: Pick<Actor, 'regionPath'>, projectRegionPath: string): boolean {
  if (actor.regionPath === null) return false;
  return projectRegionPath.startsWith(actor.regionPath) || actor.regionPath.startsWith(projectRegionPath);
}

/**
 * Whether the caller sees the share link: the staff who share it (officers, workers, auditors, evaluators). The
 * evaluated organisation has no part in collecting answers and does not get it.
 */
export function seesLink(actor: Actor): boolean {
  return !(actor.roles.length > 0 && actor.roles.every((r) => r === 'ORG_MEMBER'));
}
