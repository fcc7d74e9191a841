/** Composition root: every entity of every context (TypeORM needs the full list). */
import { AUDIT_ENTITIES } from './modules/audit';
import { CATALOGUE_ENTITIES } from './modules/catalogue';
import { CONTRACTS_ENTITIES } from './modules/contracts';
import { EVALUATION_ENTITIES } from './modules/evaluation';
import { FUNDS_ENTITIES } from './modules/funds';
import { IDENTITY_ENTITIES } from './modules/identity';
import { NEEDS_ENTITIES } from './modules/needs';
import { NOTIFICATIONS_ENTITIES } from './modules/notifications';
import { ORGANISATIONS_ENTITIES } from './modules/organisations';
import { PROCUREMENT_ENTITIES } from './modules/procurement';
import { REGIONS_ENTITIES } from './modules/regions';
import { IdempotencyKeyEntity } from './platform/http/idempotency/idempotency-key.entity';

export const ENTITIES = [
  ...REGIONS_ENTITIES,
  ...ORGANISATIONS_ENTITIES,
  ...IDENTITY_ENTITIES,
  ...AUDIT_ENTITIES,
  ...CATALOGUE_ENTITIES,
  ...NOTIFICATIONS_ENTITIES,
  ...NEEDS_ENTITIES,
  ...FUNDS_ENTITIES,
  ...PROCUREMENT_ENTITIES,
  ...CONTRACTS_ENTITIES,
  ...EVALUATION_ENTITIES,
  IdempotencyKeyEntity,
];
