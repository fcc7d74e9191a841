import type { TemplateCatalogue } from '../template';
import { CONTRACT_CHANGES_MESSAGES } from './contract-changes.messages';
import { CONTRACT_MESSAGES } from './contract.messages';
import { CUSTODY_MESSAGES } from './custody.messages';
import { EVALUATION_RESULTS_MESSAGES } from './evaluation-results.messages';
import { EVALUATION_SCORING_MESSAGES } from './evaluation-scoring.messages';
import { EVALUATION_TASKS_MESSAGES } from './evaluation-tasks.messages';
import { EVALUATION_MESSAGES } from './evaluation.messages';
import { GRADING_MESSAGES } from './grading.messages';
import { MILESTONES_MESSAGES } from './milestones.messages';
import { NEEDS_MESSAGES } from './needs.messages';
import { ORGANISATIONS_MESSAGES } from './organisations.messages';
import { PAYMENTS_MESSAGES } from './payments.messages';
import { PROCUREMENT_MESSAGES } from './procurement.messages';

/**
 * Every server-written text, by context. A context adds its texts in a file here (keys start with
 * the context's name) and lists it below; the catalogue's spec renders each one in both languages.
 */
export const MESSAGE_CATALOGUES: Readonly<Record<string, TemplateCatalogue>> = {
  needs: NEEDS_MESSAGES,
  organisations: ORGANISATIONS_MESSAGES,
  procurement: PROCUREMENT_MESSAGES,
  'contracts.changes': CONTRACT_CHANGES_MESSAGES,
  milestones: MILESTONES_MESSAGES,
  'contracts.payment': PAYMENTS_MESSAGES,
  custody: CUSTODY_MESSAGES,
  'contracts.contract': CONTRACT_MESSAGES,
  'evaluation.tasks': EVALUATION_TASKS_MESSAGES,
  'evaluation.scoring': EVALUATION_SCORING_MESSAGES,
  evaluation: EVALUATION_MESSAGES,
  'evaluation.result': EVALUATION_RESULTS_MESSAGES,
  'evaluation.grading': GRADING_MESSAGES,
};

export const MESSAGE_TEMPLATES: TemplateCatalogue = Object.assign({}, ...Object.values(MESSAGE_CATALOGUES));
