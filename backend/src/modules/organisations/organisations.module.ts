import { Module } from '@nestjs/common';

import { OrganisationsController } from './http/organisations.controller';
import { OrganisationsService } from './services/organisations.service';

@Module({
  controllers: [OrganisationsController],
  providers: [OrganisationsService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
