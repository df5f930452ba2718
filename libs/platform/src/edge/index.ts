export * from './edge-config';
export * from './edge-config.module';
export * from './edge.tokens';
