import { Global, Module } from '@nestjs/common';

import { ORGANISATION_DIRECTORY } from '../identity';
import { RegionsModule } from '../regions';
import { OrganisationDirectoryService } from './services/organisation-directory.service';

/**
 * Provides identity's {@link ORGANISATION_DIRECTORY} port to every module. Global because the
 * organisations module imports identity (to create member accounts): identity importing it back
 * would be a cycle.
 */
@Global()
@Module({
  imports: [RegionsModule],
  providers: [
    OrganisationDirectoryService,
    { provide: ORGANISATION_DIRECTORY, useExisting: OrganisationDirectoryService },
  ],
  exports: [ORGANISATION_DIRECTORY],
})
export class OrganisationDirectoryModule {}
