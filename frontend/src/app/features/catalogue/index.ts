/** What other features may use from the catalogue context. */
export { CatalogueApi } from './data/catalogue.api';
export { categoryPath, categoryTreeNodes, indexCategories } from './data/category-tree';
export {
  attributeControls,
  attributeInput,
  describeAttributes,
  toAttributeValues,
  type AttributeControl,
  type AttributeValue,
} from './data/attribute-schema';
