export { PortalModule } from './portal.module';
export { PortalCache, PORTAL_CACHE_TTL_MS } from './services/portal-cache';
export { maskName } from './domain/masking';
