/**
 * The routes whose "who may" is proved in a spec of their own rather than in the authorization
 * matrix (test/authorization-matrix.e2e-spec.ts), each with that spec. The matrix enumerates
 * the app's routes from its OpenAPI document and fails for a route that is in neither, for an
 * entry that names no route, and for a spec here that does not exist or never calls the route.
 *
 * Keys are `METHOD /path` without `/v1`, parameters as `:name` (as the matrix names routes).
 * `public`: open to anyone by design (health, signing in); the spec shows what it answers.
 */
export interface ElsewhereEntry {
  spec: string;
  public?: true;
}

const at = (spec: string): ElsewhereEntry => ({ spec });
const open = (spec: string): ElsewhereEntry => ({ spec, public: true });

const CLASSIFICATION = 'test/classification/classification-matrix.e2e-spec.ts';
const COLLABORATION = 'test/collaboration/comments-files.e2e-spec.ts';
const AUDIT = 'test/audit.e2e-spec.ts';
const DIRECTORY = 'test/directory.e2e-spec.ts';
const MEETINGS = 'test/meetings/meeting-series.e2e-spec.ts';
const COUNTERPARTS = 'test/counterparts/counterpart-requests.e2e-spec.ts';
const REPORTS = 'test/exports/reports.e2e-spec.ts';
const RECORDS = 'test/records/records.e2e-spec.ts';
const IDENTITY = 'test/identity/csrf-and-api-keys.e2e-spec.ts';
const SIGN_IN = 'test/identity/sign-in.e2e-spec.ts';
const OIDC = 'test/oidc/oidc-sign-in.e2e-spec.ts';
const NOTIFICATIONS = 'test/notifications/notifications.e2e-spec.ts';
const DELIVERY = 'test/routing/delivery.e2e-spec.ts';

export const AUTHORIZED_ELSEWHERE: Record<string, ElsewhereEntry> = {
  'POST /workshops/:id/classification': at(CLASSIFICATION),
  'POST /follow-ups/:id/classification': at(CLASSIFICATION),
  'POST /agencies': at(DIRECTORY),
  'PATCH /agencies/:code': at(DIRECTORY),
  'GET /agencies/:code/officers': at('test/web/hand-over.e2e-spec.ts'),
  'GET /health': open('test/health.e2e-spec.ts'),
  'GET /health/live': open('test/health.e2e-spec.ts'),
  'GET /health/ready': open('test/health.e2e-spec.ts'),
  'POST /follow-ups/:id/comments': at(COLLABORATION),
  'GET /follow-ups/:id/comments': at(COLLABORATION),
  'POST /follow-ups/:id/files': at(COLLABORATION),
  'GET /follow-ups/:id/files': at(COLLABORATION),
  'GET /follow-ups/:id/files/:fileId': at(COLLABORATION),
  'GET /audit/verify': at(AUDIT),
  'GET /audit/export': at(AUDIT),
  'GET /people': at(DIRECTORY),
  'POST /people': at(DIRECTORY),
  'GET /people/:id': at(DIRECTORY),
  'PATCH /people/:id': at(DIRECTORY),
  'POST /people/:id/roles': at(DIRECTORY),
  'DELETE /people/:id/roles/:role': at(DIRECTORY),
  'POST /people/:id/deactivate': at(DIRECTORY),
  'POST /delegations': at(DIRECTORY),
  'GET /delegations': at(DIRECTORY),
  'DELETE /delegations/:id': at(DIRECTORY),
  'GET /audit/directory/role-holders': at(DIRECTORY),
  'POST /people/:id/erase': at('test/personal-data/erasure.e2e-spec.ts'),
  'POST /meeting-series': at(MEETINGS),
  'GET /meeting-series': at(MEETINGS),
  'POST /meeting-series/:id/meetings': at(MEETINGS),
  'POST /meeting-series/:id/meetings/:n/held': at(MEETINGS),
  'GET /meeting-series/:id': at(MEETINGS),
  'GET /meeting-series/:id/calendar.ics': at(MEETINGS),
  'GET /meeting-series/:id/people': at(MEETINGS),
  'GET /search': at('test/search/search.e2e-spec.ts'),
  'POST /counterpart-requests': at(COUNTERPARTS),
  'GET /counterpart-requests': at(COUNTERPARTS),
  'GET /counterpart-requests/:id': at(COUNTERPARTS),
  'GET /counterpart-requests/:id/files/:sha256': at(COUNTERPARTS),
  'POST /counterpart-requests/:id/send': at(COUNTERPARTS),
  'POST /counterpart-requests/:id/acknowledge': at(COUNTERPARTS),
  'POST /counterpart-requests/:id/chase': at(COUNTERPARTS),
  'POST /counterpart-requests/:id/close': at(COUNTERPARTS),
  'GET /follow-ups/export.csv': at(REPORTS),
  'GET /follow-ups/export.xlsx': at(REPORTS),
  'GET /workshops/:id/progress.csv': at(REPORTS),
  'GET /workshops/:id/progress.xlsx': at(REPORTS),
  'GET /records/disposal-review': at(RECORDS),
  'GET /records/:recordId': at(RECORDS),
  'PUT /records/:recordId/retention': at(RECORDS),
  'POST /records/:recordId/legal-hold': at(RECORDS),
  'POST /records/:recordId/legal-hold/lift': at(RECORDS),
  'POST /records/:recordId/disposal': at(RECORDS),
  'POST /session': open(SIGN_IN),
  'DELETE /session': at(SIGN_IN),
  'GET /me': at(SIGN_IN),
  'PUT /me/password': at(IDENTITY),
  'PUT /people/:id/password': at(IDENTITY),
  'DELETE /people/:id/sessions': at(SIGN_IN),
  'POST /api-keys': at(IDENTITY),
  'GET /api-keys': at(IDENTITY),
  'DELETE /api-keys/:id': at(IDENTITY),
  'GET /session/oidc': open(OIDC),
  'GET /session/oidc/start': open(OIDC),
  'GET /session/oidc/callback': open(OIDC),
  'GET /notifications': at(NOTIFICATIONS),
  'POST /notifications/:id/read': at(NOTIFICATIONS),
  'GET /me/notification-preferences': at(NOTIFICATIONS),
  'PUT /me/notification-preferences': at(NOTIFICATIONS),
  'POST /admin/agencies/:code/webhook': at(DELIVERY),
  'GET /admin/agencies/:code/webhook': at(DELIVERY),
  'DELETE /admin/agencies/:code/webhook': at(DELIVERY),
  'GET /admin/dead-letters': at(DELIVERY),
  'POST /admin/dead-letters/:id/retry': at(DELIVERY),
  'GET /live': at('test/identity/long-lived-access.e2e-spec.ts'),
};
