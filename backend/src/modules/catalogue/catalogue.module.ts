import { Module } from '@nestjs/common';

import { CatalogueController } from './http/catalogue.controller';
import { CatalogueService } from './services/catalogue.service';

@Module({
  controllers: [CatalogueController],
  providers: [CatalogueService],
  exports: [CatalogueService],
})
export class CatalogueModule {}
