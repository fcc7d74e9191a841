export * from './audit.types';
export * from './common.types';
export * from './http';
export * from './identity.types';
export * from './organisations.types';
export * from './regions.types';
