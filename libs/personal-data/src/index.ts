export * from './keys/master-keys';
export * from './keys/data-keys';
export * from './keys/master-key-check';
export * from './fields/sealed-field';
export * from './fields/sealed-fields';
export * from './fields/personal-fields';
export * from './erasure/erase-elsewhere';
export * from './personal-data.module';
