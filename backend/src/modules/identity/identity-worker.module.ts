import { Module } from '@nestjs/common';

import { IdentityModule } from './identity.module';
import { IdentityProcessor } from './jobs/identity.processor';

/** Worker process only: consumes the identity queue. */
@Module({
  imports: [IdentityModule],
  providers: [IdentityProcessor],
})
export class IdentityWorkerModule {}
