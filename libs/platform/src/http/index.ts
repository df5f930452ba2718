export * from './error-response.filter';
export * from './validation.pipe';
export * from './json-limits';
