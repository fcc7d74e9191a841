import { CatalogueCategoryEntity, CatalogueItemEntity, CatalogueVersionEntity } from './entities/catalogue.entities';

export { CatalogueModule } from './catalogue.module';
export { CatalogueService } from './services/catalogue.service';
export type { CategoryInfo, ItemInfo } from './services/catalogue.service';
export { checkValues as checkAttributeValues } from './domain/attribute-schema';
export type { AttributeField, AttributeValues } from './domain/attribute-schema';
/** For the composition root's entity list only. */
export const CATALOGUE_ENTITIES = [CatalogueVersionEntity, CatalogueCategoryEntity, CatalogueItemEntity];
