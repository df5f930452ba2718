/**
 * TypeScript for the specs, and the ES-module-only packages (NestJS 12 and some of its
 * dependencies) turned into CommonJS, since jest's module system on Node 20 cannot require ESM.
 * CommonJS files from node_modules pass through untouched.
 */
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
});

const ESM_SYNTAX = /^\s*(import\s*[\w{*'"]|export\s)/m;

module.exports = {
  process(source, filename, options) {
    if (filename.includes('/node_modules/') && !ESM_SYNTAX.test(source)) return { code: source };
    return swc.process(source, filename, options);
  },
  getCacheKey(source, filename, options) {
    return swc.getCacheKey(source, filename, options);
  },
};
