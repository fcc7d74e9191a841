import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

import { Env } from '../../../config/env';
import { frac } from '../domain/exact';
import { Measure } from '../domain/scoring';
import { distribution, parseAnswers, parseQuestions, percent, QuestionFigures } from '../domain/survey-rules';
import { SurveyAnswerEntity, SurveyEntity } from '../entities/evaluation.entities';

/** A survey's figures: never who answered what (the evaluated organisation sees only these). */
export interface SurveyFigures {
  surveyId: number | null;
  status: 'OPEN' | 'CLOSED' | null;
  answers: number;
  /** Answers whose overall satisfaction is 4 (满意) or 5 (非常满意). */
  satisfied: number;
  /** Answers taken by a community worker for a resident (channel PROXY). */
  proxied: number;
  /** The minimum number of answers for the satisfaction leaf to be computed (EVALUATION_SURVEY_MIN_ANSWERS). */
  minimum: number;
  insufficient: boolean;
}

/**
 * Everything a survey's readers see (the officer, the evaluator, the auditor, the community worker — and the
 * evaluated organisation, which sees exactly this): the counts and rates, the distribution of each question and the
 * free texts, with no name, date or id that would tell who answered what.
 */
export interface SurveyReport extends SurveyFigures {
  /** Verified residents who may answer, and anyone who already has (the caller counts them). */
  eligible: number;
  /** answers ÷ eligible, in % (2 places, half-up); null when nobody is eligible. */
  responseRate: string | null;
  /** satisfied ÷ answers, in % (2 places, half-up); null without answers. */
  satisfactionRate: string | null;
  questions: QuestionFigures[];
  comments: string[];
}

/**
 * The satisfaction figures of a project's survey, read in the caller's transaction: they feed the computed
 * SATISFACTION leaf (satisfied ÷ answers), or mark it insufficient below the minimum number of answers.
 */
@Injectable()
export class SurveyFiguresService {
  constructor(private readonly env: Env) {}

  async figures(em: EntityManager, projectId: number): Promise<SurveyFigures> {
    const minimum = this.env.EVALUATION_SURVEY_MIN_ANSWERS;
    const survey = await em.findOne(SurveyEntity, { where: { projectId } });
    if (survey === null)
      return { surveyId: null, status: null, answers: 0, satisfied: 0, proxied: 0, minimum, insufficient: true };
    const row = await em
      .createQueryBuilder(SurveyAnswerEntity, 'a')
      .select('COUNT(*)', 'answers')
      .addSelect('COALESCE(SUM(a.overall >= 4), 0)', 'satisfied')
      .addSelect("COALESCE(SUM(a.channel = 'PROXY'), 0)", 'proxied')
      .where('a.survey_id = :id', { id: survey.id })
      .getRawOne<{ answers: string; satisfied: string; proxied: string }>();
    const answers = Number(row?.answers ?? 0);
    return {
      surveyId: survey.id,
      status: survey.status,
      answers,
      satisfied: Number(row?.satisfied ?? 0),
      proxied: Number(row?.proxied ?? 0),
      minimum,
      insufficient: answers < minimum,
    };
  }

  /** The SATISFACTION measure: satisfied of answers, insufficient below the minimum. */
  async measure(em: EntityManager, projectId: number): Promise<Measure> {
    const f = await this.figures(em, projectId);
    return {
      actual: frac(BigInt(f.satisfied)),
      planned: frac(BigInt(f.answers)),
      ...(f.insufficient
        ? { insufficient: f.answers === 0 ? ('NO_DATA' as const) : ('TOO_FEW_ANSWERS' as const) }
        : {}),
    };
  }

  /** The full figures of a survey (see {@link SurveyReport}); `eligible` from SurveyQueries.eligibleCounts. */
  async report(em: EntityManager, survey: SurveyEntity, eligible: number): Promise<SurveyReport> {
    const f = await this.figures(em, survey.projectId);
    const rows = (await em.query(
      'SELECT answers, comment FROM evaluation_survey_answers WHERE survey_id = ? ORDER BY updated_at DESC, id DESC',
      [survey.id],
    )) as Array<{ answers: string; comment: string | null }>;
    const questions = parseQuestions(survey.questions);
    return {
      ...f,
      eligible,
      responseRate: percent(f.answers, eligible),
      satisfactionRate: percent(f.satisfied, f.answers),
      questions: distribution(
        questions,
        rows.map((r) => parseAnswers(r.answers)),
      ),
      comments: rows.flatMap((r) => (r.comment === null || r.comment.trim() === '' ? [] : [r.comment])),
    };
  }
}
