import { Module } from '@nestjs/common';

import { IdentityModule } from '../identity';
import { NotificationsModule } from '../notifications';
import { RegionsModule } from '../regions';
import { CustodyController } from './http/custody.controller';
import { FundsController } from './http/funds.controller';
import { CustodyJobs } from './jobs/custody.jobs';
import { BudgetLinesService } from './services/budget-lines.service';
import { CustodyService } from './services/custody.service';
import { FundsDeskProvider } from './services/funds-desk.provider';
import { FundsReportService } from './services/funds-report.service';
import { LedgerService } from './services/ledger.service';

@Module({
  imports: [RegionsModule, IdentityModule, NotificationsModule],
  controllers: [FundsController, CustodyController],
  providers: [LedgerService, BudgetLinesService, FundsReportService, FundsDeskProvider, CustodyService, CustodyJobs],
  exports: [LedgerService, FundsReportService, CustodyService, CustodyJobs],
})
export class FundsModule {}
