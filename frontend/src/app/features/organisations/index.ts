/** What other features may use from the organisations context. */
export { OrganisationsApi } from './data/organisations.api';
