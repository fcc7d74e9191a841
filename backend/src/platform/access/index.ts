export * from './actor';
export * from './access.errors';
export * from './access.guard';
export * from './access.module';
export * from './decorators';
export * from './permissions';
export * from './region-scope';
