import { Module } from '@nestjs/common';

import { RegionsModule } from '../regions';
import { FundsController } from './http/funds.controller';
import { BudgetLinesService } from './services/budget-lines.service';
import { FundsDeskProvider } from './services/funds-desk.provider';
import { FundsReportService } from './services/funds-report.service';
import { LedgerService } from './services/ledger.service';

@Module({
  imports: [RegionsModule],
  controllers: [FundsController],
  providers: [LedgerService, BudgetLinesService, FundsReportService, FundsDeskProvider],
  exports: [LedgerService, FundsReportService],
})
export class FundsModule {}
