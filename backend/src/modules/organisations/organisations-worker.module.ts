import { Module } from '@nestjs/common';

import { OrganisationsProcessor } from './jobs/organisations.processor';
import { OrganisationsModule } from './organisations.module';

/** Worker process only: consumes the organisations queue (blacklist and grade expiry). */
@Module({
  imports: [OrganisationsModule],
  providers: [OrganisationsProcessor],
})
export class OrganisationsWorkerModule {}
