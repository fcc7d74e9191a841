/** What other features may use from the organisations context. */
export { OrganisationsApi } from './data/organisations.api';
export { OrganisationStatusBannerComponent } from './components/organisation-status-banner.component';
