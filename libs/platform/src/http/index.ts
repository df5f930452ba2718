export * from './error-response.filter';
export * from './validation.pipe';
