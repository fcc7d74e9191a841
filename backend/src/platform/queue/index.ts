export * from './deadline';
export * from './deadline-worker';
export * from './deadlines.service';
export * from './queue-names';
export * from './queue.module';
export * from './reconciler.runner';
