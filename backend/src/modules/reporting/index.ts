export { ReportingModule } from './reporting.module';
export { DashboardsService } from './services/dashboards.service';
export { ReportingQueries } from './queries/reporting.queries';
export type { ReportScope } from './queries/reporting.queries';
