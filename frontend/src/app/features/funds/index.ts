/** What other features may use from the funds context. */
export { FundsApi } from './data/funds.api';
export { budgetYear, budgetYears } from './data/budget-year';
