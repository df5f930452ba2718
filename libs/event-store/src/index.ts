export * from './canonical-json';
export * from './event-hash';
export * from './event-store';
export * from './event-store.errors';
export * from './event-wake-ups';
export * from './event.types';
export * from './subscription';
export * from './upcasters';
