/**
 * Import rules, checked by `npm run lint`: no cycles, and the layers of the README's path table.
 * Apps depend on libs, never the other way; the event store knows no domain; a lib is reached
 * through its package name (`@liaison/...`), resolved here with tsconfig's paths.
 */
const DOMAIN_LIBS = '^libs/(follow-up|routing|audit|views)/';

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'An import cycle: the modules cannot be understood, loaded or moved one at a time.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      comment: 'Libs are the layer below the apps; an app is wiring, not a library.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-stay-apart',
      severity: 'error',
      comment: 'The API and the worker share code through libs only.',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'event-store-knows-no-domain',
      severity: 'error',
      comment:
        'The event store stores any event; what follow-ups, routing or the audit mean is above it.',
      from: { path: '^libs/event-store/' },
      to: { path: DOMAIN_LIBS },
    },
    {
      name: 'write-side-knows-no-views',
      severity: 'error',
      comment:
        'Commands and routing decide on the log alone; the views (libs/views) are derived from it and may lag.',
      from: { path: '^libs/(follow-up|routing)/' },
      to: { path: '^libs/views/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage|reports|\\.stryker-tmp)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js', '.json'],
    },
  },
};
