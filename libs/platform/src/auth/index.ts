export * from './auth.decorators';
export * from './auth.guard';
export * from './jwt';
export * from './user';
