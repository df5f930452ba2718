export * from './auth.decorators';
export * from './auth.guard';
export * from './authenticator';
export * from './jwt';
export * from './shared-secret-jwt.authenticator';
export * from './user';
