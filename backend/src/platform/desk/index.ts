export * from './desk';
