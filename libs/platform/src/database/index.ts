export * from './data-source';
export * from './migrate';
export * from './pg-pool';
export * from './in-transaction';
