import { OrganisationEntity } from './entities/organisation.entity';

export { OrganisationsModule } from './organisations.module';
export { OrganisationsService } from './services/organisations.service';
export type { OrganisationDto } from './dto/organisation.dto';
/** For the composition root's entity list only. */
export const ORGANISATIONS_ENTITIES = [OrganisationEntity];
