// Generated from the API's OpenAPI document by apps/api/src/web/api-types.cli.ts: do not edit.
// npm run gen:api-types after changing a route; npm run check:api-types fails while stale.

export interface paths {
  '/v1/workshops': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Workshops the caller may see, most recent first, with follow-up progress */
    get: operations['WorkshopsController_list'];
    put?: never;
    /** Record a workshop your agency hosted */
    post: operations['WorkshopsController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workshops/{id}/actions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record an action agreed at the workshop */
    post: operations['WorkshopsController_agreeAction'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workshops/{id}/info-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record an information request made at the workshop */
    post: operations['WorkshopsController_requestInfo'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workshops/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A workshop with its actions, requests and follow-up progress */
    get: operations['WorkshopsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The board: tasks the caller may see, filtered, sorted and paged */
    get: operations['FollowUpsController_board'];
    put?: never;
    /** Assign a follow-up from an agreed action or info request */
    post: operations['FollowUpsController_assign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/overdue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open tasks past their due time, longest overdue first */
    get: operations['FollowUpsController_overdue'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One task’s current state and version */
    get: operations['FollowUpsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/history': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The task’s timeline, oldest first: each event with who did it (and, under a delegation, for whom) and when; for whoever may see the task */
    get: operations['FollowUpsController_history'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['FollowUpsController_acknowledge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['FollowUpsController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/progress': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['FollowUpsController_progress'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/submit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['FollowUpsController_submit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/decline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['FollowUpsController_decline'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/claim': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Take an unclaimed task as its officer (409 when it has one already) */
    post: operations['FollowUpsController_claim'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/hand-over': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Hand the task to a colleague of the same agency (its officer, or anyone while unclaimed) */
    post: operations['FollowUpsController_handOver'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/accept': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['FollowUpsController_accept'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/reject': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['FollowUpsController_reject'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/reassign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['FollowUpsController_reassign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/extend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['FollowUpsController_extend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['FollowUpsController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workshops/{id}/classification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change a workshop’s classification: it is the floor of its follow-ups’ (those less strict are raised to it, an event each; a change that would shut a task’s assignee or named officer out is refused, 422 naming the task) */
    post: operations['ClassificationController_workshop'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/classification': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change a follow-up’s classification */
    post: operations['ClassificationController_followUp'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agency directory: agencies and outside counterparts */
    get: operations['AgenciesController_list'];
    put?: never;
    /** Register an agency or an outside counterpart */
    post: operations['AgencyAdminController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/workload': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Open, overdue and per-status counts per agency, over what the caller may see */
    get: operations['AgenciesController_workload'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{code}/inbox': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agency’s open tasks, due soon first, overdue ones marked (officers: their own agency only); scope=mine: the caller’s own (or, acting for a colleague, theirs), scope=unclaimed: those nobody has claimed, scope=agency (default): all */
    get: operations['AgenciesController_inbox'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The whole system: 200 "ok", or 503 "degraded" when Postgres or Redis is down, a subscription lags past HEALTH_MAX_LAG or no worker beat within HEALTH_MAX_HEARTBEAT_AGE_MS. Liveness and readiness: /health/live, /health/ready */
    get: operations['HealthController_system'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: 200 while the process answers */
    get: operations['HealthController_live'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/health/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: 200 when Postgres and Redis answer, else 503 */
    get: operations['HealthController_ready'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/comments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The task’s comments, oldest first, with the names of those they name */
    get: operations['CommentsController_list'];
    put?: never;
    /** Comment on the task; `@login` in the body mentions a person (who must be able to see the task: 422 naming mentions otherwise); 409 on a closed task */
    post: operations['CommentsController_comment'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/files': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The task’s files, oldest first (name, size, media type, SHA-256) */
    get: operations['FilesController_list'];
    put?: never;
    /** Attach a file (multipart, field `file`): 413 over FILE_MAX_BYTES, 415 when its content is not an allowed type or not what its name or declared type says */
    post: operations['FilesController_upload'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/files/{fileId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Download a file. Its stored bytes are hashed before anything is sent: content changed in the store answers 500 (and is logged); a change while sending cuts the stream short */
    get: operations['FilesController_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The global history in commit-safe order, from a cursor, filtered by type, stream, actor and time (a page shorter than `limit` is the end) */
    get: operations['AuditController_events'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/streams/{streamId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One stream’s events, up to a time (asOf) or a version */
    get: operations['AuditController_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/follow-ups/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A follow-up as it stood at a time or version, with the events that made it */
    get: operations['AuditController_followUpAsOf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/workshops/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A workshop as it stood at a time or version, with the events that made it */
    get: operations['AuditController_workshopAsOf'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Recompute every stream’s hash chain and the signed seals: {ok, checked, firstBroken?} */
    get: operations['AuditController_verify'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** NDJSON of the whole history with the seals and public key to verify it offline */
    get: operations['AuditController_export'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/access-log': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who read or exported what, and when (append-only) */
    get: operations['AuditController_accessLog'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Rename, deactivate or reactivate an agency; a counterpart’s liaison */
    patch: operations['AgencyAdminController_update'];
    trace?: never;
  };
  '/v1/people': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** People, by agency and login; filter by agency and active */
    get: operations['PeopleController_list'];
    put?: never;
    /** Register a person: login, names, email, one agency, roles */
    post: operations['PeopleController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/people/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One person, with their version */
    get: operations['PeopleController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    /** Change names, email, agency or the IdP subject */
    patch: operations['PeopleController_update'];
    trace?: never;
  };
  '/v1/people/{id}/roles': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Grant a role (409 if already held) */
    post: operations['PeopleController_grant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/people/{id}/roles/{role}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a role (409 if not held, or if it is the last one) */
    delete: operations['PeopleController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/people/{id}/deactivate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Deactivate a person: no sign-in, no roles, no delegations from now */
    post: operations['PeopleController_deactivate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/delegations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s delegations, given and received, current and upcoming */
    get: operations['DelegationsController_mine'];
    put?: never;
    /** Delegate to a colleague from startsAt until endsAt */
    post: operations['DelegationsController_grant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/delegations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** End a delegation early */
    delete: operations['DelegationsController_end'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/audit/directory/role-holders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who held a role at an agency on a day (YYYY-MM-DD, Korean time) or at an instant */
    get: operations['RoleHoldersController_roleHolders'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/people/{id}/erase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Erase a person’s personal data: deactivates them, destroys their data key, ends their sessions; 409 when the log holds their data in clear (recorded before encryption) */
    post: operations['ErasureController_erase'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/contributions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask a supporting agency for a contribution (협조 요청) */
    post: operations['ContributionsController_request'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/{id}/contributions/{agency}/waive': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Waive a supporting agency’s contribution: the lead need not wait */
    post: operations['ContributionsController_waive'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/meeting-series': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Meeting series the caller may read */
    get: operations['MeetingSeriesController_list'];
    put?: never;
    /** Start a meeting series from an agreed action of a workshop */
    post: operations['MeetingSeriesController_start'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/meeting-series/{id}/meetings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Schedule the next meeting of the series */
    post: operations['MeetingSeriesController_schedule'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/meeting-series/{id}/meetings/{n}/held': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a meeting as held: attendees, minutes (회의록), decisions; its agenda carries the workshop’s open follow-ups as the log has them now */
    post: operations['MeetingSeriesController_held'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/meeting-series/{id}/meetings/{n}/cancel': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Cancel a scheduled meeting */
    post: operations['MeetingSeriesController_cancel'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/meeting-series/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A series with its meetings, minutes, decisions and agendas */
    get: operations['MeetingSeriesController_detail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/meeting-series/{id}/people': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whom a meeting of the series may name (the active people of its host and attending agencies) and whom its meetings named: ids and names only, to whoever reads the series */
    get: operations['MeetingSeriesController_attendees'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/meeting-series/{id}/calendar.ics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The series as an iCalendar file (RFC 5545) */
    get: operations['MeetingSeriesController_calendar'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Follow-ups, comments, workshops and meetings the caller may read that hold every word of q (Korean or English), best first */
    get: operations['SearchController_search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/counterpart-requests': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Requests the caller's agency hosts or liaises for; status=open: still owed */
    get: operations['CounterpartRequestsController_list'];
    put?: never;
    /** Draft a request from a workshop's info request to a counterpart */
    post: operations['CounterpartRequestsController_draft'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/counterpart-requests/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One request with its answers (texts, files) and its history */
    get: operations['CounterpartRequestsController_detail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/counterpart-requests/{id}/files/{sha256}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A file the counterpart shared, by the SHA-256 its answer recorded; hashed again before it is sent (changed content in the store answers 500) */
    get: operations['CounterpartRequestsController_download'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/counterpart-requests/{id}/send': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Send: sets the due time and issues the first link */
    post: operations['CounterpartRequestsController_send'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/counterpart-requests/{id}/acknowledge': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record that the counterpart confirmed receipt (e.g. by e-mail) */
    post: operations['CounterpartRequestsController_acknowledge'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/counterpart-requests/{id}/chase': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** 독촉: a new link (earlier unused ones stop working), maybe a new due time */
    post: operations['CounterpartRequestsController_chase'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/counterpart-requests/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close: answered, withdrawn or unanswered; every link stops working */
    post: operations['CounterpartRequestsController_close'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/export.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The board as CSV (UTF-8 with BOM), every row the filters select */
    get: operations['BoardExportController_csv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/follow-ups/export.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The board as an XLSX workbook, every row the filters select */
    get: operations['BoardExportController_xlsx'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workshops/{id}/progress.csv': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A workshop’s progress as CSV: each source with its tasks */
    get: operations['WorkshopProgressExportController_csv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/workshops/{id}/progress.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A workshop’s progress as XLSX: a summary sheet and the progress */
    get: operations['WorkshopProgressExportController_xlsx'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/records/disposal-review': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Records due for disposal on a day (default today, Korean time) */
    get: operations['RecordsController_review'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/records/{recordId}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A record's class, retention, clock, hold and disposal */
    get: operations['RecordsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/records/{recordId}/retention': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Set the record class and/or retention period */
    put: operations['RecordsController_setRetention'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/records/{recordId}/legal-hold': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Place a legal hold: the record cannot be disposed of */
    post: operations['RecordsController_placeHold'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/records/{recordId}/legal-hold/lift': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Lift the legal hold */
    post: operations['RecordsController_liftHold'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/records/{recordId}/disposal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Approve and carry out the disposal of a due record: content replaced by a tombstone, hashes and seals kept */
    post: operations['RecordsController_dispose'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in: sets the liaison_session cookie; 401 with one message for any refusal */
    post: operations['SessionController_signIn'];
    /** Sign out: the session ends server-side at once */
    delete: operations['SessionController_signOut'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The signed-in person, active delegations and the CSRF token */
    get: operations['SessionController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change one’s own password (the current one proves it); other sessions end */
    put: operations['SessionController_changePassword'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/people/{id}/password': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Admin: set a person’s password; their sessions end */
    put: operations['SessionController_reset'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/people/{id}/sessions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Admin: end every session of a person at once */
    delete: operations['SessionController_endSessions'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api-keys': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every key, without secrets: scope, expiry, revocation, last use */
    get: operations['ApiKeysController_list'];
    put?: never;
    /** Create a key scoped to one role (and agency); `key` is shown once */
    post: operations['ApiKeysController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/api-keys/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke a key: refused (401) from the next request on */
    delete: operations['ApiKeysController_revoke'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session/oidc': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OidcSessionController_available'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session/oidc/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OidcSessionController_start'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/session/oidc/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['OidcSessionController_callback'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s notifications, newest first */
    get: operations['NotificationsController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications/read-all': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark every notification of the caller read */
    post: operations['NotificationsController_readAll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Mark one notification read */
    post: operations['NotificationsController_read'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/me/notification-preferences': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The caller’s notification preferences (defaults until changed) */
    get: operations['NotificationsController_getPreferences'];
    /** Change notification preferences: {language?, kinds?: {<kind>: {enabled?, email?}}} */
    put: operations['NotificationsController_putPreferences'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/agencies/{code}/webhook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agency’s webhook, without its secret (404: none set) */
    get: operations['AgencyWebhooksController_get'];
    put?: never;
    /** Set (or replace) the agency’s webhook; the answer omits the secret */
    post: operations['AgencyWebhooksController_set'];
    /** Remove the webhook: tasks then wait in the agency’s inbox */
    delete: operations['AgencyWebhooksController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/dead-letters': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Dead letters, newest first, with their payload and last failure */
    get: operations['DeadLettersController_list'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/admin/dead-letters/{id}/retry': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Put the job back on its queue under a new id */
    post: operations['DeadLettersController_retry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/live': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Server-sent events: `follow-up` {followUpId, status, version, position} for each change to a task the caller may see, once the views have it (read it with minPosition); `ended` {reason} and the stream closes when the session or role that opened it ends */
    get: operations['LiveController_stream'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/v1/agencies/{code}/officers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An agency’s active officers (officers: their own agency only), by id and name */
    get: operations['ColleaguesController_officers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AgreedActionDto: {
      description: string;
      ownerAgency: string;
      supportingAgencies: string[];
      /** Format: date */
      dueDate?: string;
    };
    InfoRequestDto: {
      subject: string;
      requestedBy: string;
      requestedFrom: string;
      /** Format: date */
      dueDate?: string;
    };
    ClassificationRequest: {
      /**
       * @example restricted
       * @enum {string}
       */
      level: 'public' | 'restricted' | 'confidential';
      /**
       * @description restricted: the agencies whose officers may read it
       * @example [
       *       "NIS",
       *       "KISA"
       *     ]
       */
      agencies?: string[];
      /** @description confidential: the people (person ids) who may read it */
      people?: string[];
    };
    CreateWorkshopRequest: {
      /** @example AI security workshop with OpenAI */
      title: string;
      /** @example 2026-11-18 */
      heldOn: string;
      /**
       * @description the hosting agency; must be the caller’s own
       * @example KISA
       */
      hostAgency: string;
      /**
       * @description outside counterparts, e.g. OPENAI
       * @example [
       *       "KISA",
       *       "NIS"
       *     ]
       */
      counterparts: string[];
      /**
       * @description agencies in the room
       * @example [
       *       "KISA",
       *       "NIS"
       *     ]
       */
      attendingAgencies: string[];
      /**
       * @example [
       *       "AI models in cybersecurity"
       *     ]
       */
      topics: string[];
      /** @example Agreed to continue working-level discussions. */
      summary?: string;
      /** @description public (default), restricted to named agencies, or confidential to people */
      classification?: components['schemas']['ClassificationRequest'];
    };
    WorkshopCreatedDto: {
      /** Format: uuid */
      id: string;
      version: number;
      position: number;
    };
    AgreeActionRequest: {
      /** @example Continue working-level discussions on AI models in cybersecurity */
      description: string;
      /**
       * @description agency code, e.g. KISA
       * @example KISA
       */
      ownerAgency: string;
      /**
       * @description agencies supporting the owner
       * @example [
       *       "KISA",
       *       "NIS"
       *     ]
       */
      supportingAgencies: string[];
      /** @example 2026-12-15 */
      dueDate?: string;
    };
    ActionAgreedDto: {
      /** Format: uuid */
      actionId: string;
      version: number;
      position: number;
    };
    RequestInfoRequest: {
      /** @example Share information on AI security threats */
      subject: string;
      /**
       * @description the requesting agency
       * @example KISA
       */
      requestedBy: string;
      /**
       * @description who is asked: an agency or a counterpart such as OPENAI
       * @example KISA
       */
      requestedFrom: string;
      /** @example 2026-12-15 */
      dueDate?: string;
    };
    InfoRequestedDto: {
      /** Format: uuid */
      requestId: string;
      version: number;
      position: number;
    };
    FollowUpProgressDto: {
      total: number;
      /** @description follow-ups per status */
      byStatus: {
        [key: string]: number;
      };
      /** @description accepted / (total − cancelled); null when none count */
      shareDone: number | null;
    };
    SourceProgressDto: {
      /**
       * Format: uuid
       * @description the actionId or requestId
       */
      sourceId: string;
      summary: string;
      /** @description the owner agency, or the party asked for the information */
      agency: string;
      /** Format: date */
      dueDate: string | null;
      followUps: components['schemas']['FollowUpProgressDto'];
    };
    WorkshopProgressDto: {
      /** Format: uuid */
      workshopId: string;
      title: string;
      /** @example MSIT */
      hostAgency: string;
      /** Format: date */
      heldOn: string;
      counterparts: string[];
      attendingAgencies: string[];
      version: number;
      followUps: components['schemas']['FollowUpProgressDto'];
      actions: components['schemas']['SourceProgressDto'][];
      requests: components['schemas']['SourceProgressDto'][];
    };
    WorkshopPageDto: {
      items: components['schemas']['WorkshopProgressDto'][];
      nextCursor: string | null;
      stale: boolean;
    };
    ClassificationDto: {
      /** @enum {string} */
      level: 'public' | 'restricted' | 'confidential';
      /** @description restricted: the agencies named */
      agencies?: string[];
      /** @description confidential: the people named */
      people?: string[];
    };
    WorkshopSourcesProgressDto: {
      followUps: components['schemas']['FollowUpProgressDto'];
      actions: components['schemas']['SourceProgressDto'][];
      requests: components['schemas']['SourceProgressDto'][];
    };
    WorkshopDto: {
      /** Format: uuid */
      id: string;
      version: number;
      exists: boolean;
      /** Format: uuid */
      workshopId: string;
      title: string;
      /** Format: date */
      heldOn: string;
      hostAgency: string;
      counterparts: string[];
      attendingAgencies: string[];
      topics: string[];
      summary?: string;
      /** @description absent: public */
      classification?: components['schemas']['ClassificationDto'];
      actions: {
        [key: string]: components['schemas']['AgreedActionDto'];
      };
      requests: {
        [key: string]: components['schemas']['InfoRequestDto'];
      };
      progress: components['schemas']['WorkshopSourcesProgressDto'] | null;
    };
    ContributionRequest: {
      /**
       * @description the supporting agency (협조기관), never the lead agency or a counterpart
       * @example KISA
       */
      agency: string;
      /**
       * @description its own due time; default and latest: the lead task’s
       * @example 2026-12-10T09:00:00Z
       */
      dueAt?: string;
      /** @example The financial sector’s view, two pages */
      instructions?: string;
    };
    AssignFollowUpRequest: {
      /** Format: uuid */
      workshopId: string;
      /**
       * Format: uuid
       * @description the agreed action or info request this follows
       */
      sourceId: string;
      /**
       * @description the agency that does the work (never a counterpart)
       * @example KISA
       */
      assigneeAgency: string;
      /** @example Brief on AI-enabled threats to financial systems */
      title: string;
      /** @example Coordinate with FSI. */
      instructions?: string;
      /** @example 2026-12-15T09:00:00Z */
      dueAt: string;
      /**
       * @default normal
       * @enum {string}
       */
      priority: 'low' | 'normal' | 'high' | 'urgent';
      /**
       * Format: uuid
       * @description the officer (담당자) of the assignee agency to name; absent: unclaimed
       */
      officerId?: string;
      /** @description joint task (주관/협조): supporting agencies (협조기관), each given a contribution task */
      supportingAgencies?: components['schemas']['ContributionRequest'][];
      /** @description public (default), restricted to named agencies, or confidential to people */
      classification?: components['schemas']['ClassificationRequest'];
    };
    DisplayNameDto: {
      /** @example 김담당 */
      ko: string;
      /** @example Kim Damdang */
      en: string;
    };
    FollowUpViewDto: {
      /** Format: uuid */
      workshopId: string;
      /** @example MSIT */
      hostAgency: string;
      /** Format: uuid */
      sourceId: string;
      /** @enum {string} */
      sourceKind: 'action' | 'info_request';
      /** @example KISA */
      assigneeAgency: string;
      title: string;
      /** @enum {string} */
      status:
        | 'assigned'
        | 'routed'
        | 'acknowledged'
        | 'in_progress'
        | 'submitted'
        | 'accepted'
        | 'rejected'
        | 'declined'
        | 'reassigned'
        | 'cancelled';
      /** @enum {string} */
      priority: 'low' | 'normal' | 'high' | 'urgent';
      /** Format: date-time */
      dueAt: string;
      overdue: boolean;
      escalated: boolean;
      /** @description the stream version: send it as If-Match */
      version: number;
      /** Format: uuid */
      followUpId: string;
      /** @description the officer (담당자): a person id; null while nobody has claimed the task */
      officerId: string | null;
      /** @description the officer’s name, when the directory knows them */
      officerName?: components['schemas']['DisplayNameDto'];
      /** @description global position of the last change */
      lastPosition: number;
      lastEventType: string;
      /** Format: date-time */
      lastChangedAt: string;
      /** Format: date-time */
      createdAt: string;
      /**
       * @description contribution: a supporting agency’s part (협조) of the lead task
       * @enum {string|null}
       */
      kind: 'contribution' | null;
      /**
       * Format: uuid
       * @description a contribution’s lead task
       */
      leadFollowUpId: string | null;
      /** @description a lead task’s supporting agencies (협조기관) */
      supportingAgencies: string[];
      /**
       * @description public, restricted or confidential
       * @enum {string}
       */
      classificationLevel: 'public' | 'restricted' | 'confidential';
      /** @description restricted: the agencies named */
      classificationAgencies: string[];
      /** @description confidential: the people named */
      classificationPeople: string[];
    };
    FollowUpPageDto: {
      items: components['schemas']['FollowUpViewDto'][];
      /** @description pass as `cursor` for the next page */
      nextCursor: string | null;
      /** @description the view had not reached minPosition when the wait ran out */
      stale: boolean;
    };
    ContributionDto: {
      /**
       * Format: uuid
       * @description the contribution task
       */
      contributionId: string;
      /** @example FSI */
      agency: string;
      /** Format: date-time */
      dueAt: string;
      /**
       * @description requested: not in yet; submitted, accepted: in; waived: not needed
       * @enum {string}
       */
      status: 'requested' | 'submitted' | 'accepted' | 'waived';
      instructions?: string;
      /** @description the supporting agency’s answer */
      response?: string;
      /** @description why it was returned or waived */
      reason?: string;
      /** @description the contribution’s version last recorded on the lead */
      recordedVersion: number;
    };
    FollowUpDto: {
      /** Format: uuid */
      workshopId: string;
      /** @example MSIT */
      hostAgency: string;
      /** Format: uuid */
      sourceId: string;
      /** @enum {string} */
      sourceKind: 'action' | 'info_request';
      /** @example KISA */
      assigneeAgency: string;
      title: string;
      /** @enum {string} */
      status:
        | 'assigned'
        | 'routed'
        | 'acknowledged'
        | 'in_progress'
        | 'submitted'
        | 'accepted'
        | 'rejected'
        | 'declined'
        | 'reassigned'
        | 'cancelled';
      /** @enum {string} */
      priority: 'low' | 'normal' | 'high' | 'urgent';
      /** Format: date-time */
      dueAt: string;
      overdue: boolean;
      escalated: boolean;
      /** @description the stream version: send it as If-Match */
      version: number;
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      followUpId: string;
      exists: boolean;
      /** @description the officer (담당자); absent while unclaimed */
      officerId?: string;
      /** @description the officer’s name, when the directory knows them */
      officerName?: components['schemas']['DisplayNameDto'];
      instructions?: string;
      /** Format: date-time */
      reminderSentFor?: string;
      routedTo?: string;
      deliveredTo?: string;
      routingFailed: boolean;
      /** @description the last reason a person gave */
      lastReason?: string;
      /** @description the submitted response */
      response?: string;
      /** @description how many progress notes */
      notes: number;
      lastNote?: string;
      /**
       * @description a supporting agency’s part (협조)
       * @enum {string}
       */
      kind?: 'contribution';
      /**
       * Format: uuid
       * @description a contribution’s lead task
       */
      leadFollowUpId?: string;
      /** @description a contribution’s lead agency (주관기관): its officers read it */
      leadAgency?: string;
      /** @description a lead task’s contributions (주관/협조), in the order asked */
      contributions?: components['schemas']['ContributionDto'][];
      /** @description absent: public */
      classification?: components['schemas']['ClassificationDto'];
    };
    ErrorResponseDto: {
      /** @example 404 */
      statusCode: number;
      /** @example Not Found */
      error: string;
      message: string;
      /** @description the field problems (400), or {code, field?, state?} of a domain error */
      details?: Record<string, never>;
    };
    HistoryActorDto: {
      /** @description a person id, or system */
      id: string;
      /** @example agency_officer */
      role: string;
      /** @example KISA */
      agency?: string;
    };
    FollowUpHistoryEntryDto: {
      version: number;
      /** @example FollowUpClaimed */
      type: string;
      data: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      recordedAt: string;
      actor: components['schemas']['HistoryActorDto'];
      /** @description under a delegation (대결): the person acted for */
      onBehalfOf?: string;
    };
    FollowUpHistoryDto: {
      /** Format: uuid */
      id: string;
      version: number;
      items: components['schemas']['FollowUpHistoryEntryDto'][];
      /** @description display names of the people the items name, by person id (those known) */
      people: {
        [key: string]: components['schemas']['DisplayNameDto'];
      };
    };
    CommandResultDto: {
      /** Format: uuid */
      id: string;
      /** @description Stream version after the command; send it as If-Match next time */
      version: number;
      /** @description Global position of the change; pass as minPosition to read your write */
      position: number;
    };
    NoteRequest: {
      /** @example Draft circulated to NIS for comment */
      note: string;
      /** @description the note is personal (건강, 연락처, 사정…): stored encrypted under the author’s data key, shown to those who may read the task, "(erased)" once the author is erased */
      personal?: boolean;
    };
    ResponseRequest: {
      /** @example Threat briefing attached; summary follows. */
      response: string;
    };
    ReasonRequest: {
      /** @example Needs figures for the last quarter */
      reason: string;
    };
    HandOverRequest: {
      /**
       * Format: uuid
       * @description a colleague of the same agency who takes the task over
       */
      officerId: string;
      /** @example On leave from Monday */
      reason?: string;
    };
    ReassignRequest: {
      /**
       * @description the new assignee (the same agency with a new officerId names a new officer)
       * @example KISA
       */
      assigneeAgency: string;
      /** @example KISA owns this relationship */
      reason: string;
      /**
       * Format: uuid
       * @description the new agency’s officer (담당자); absent: the task is unclaimed again
       */
      officerId?: string;
    };
    ExtendRequest: {
      /** @example 2026-12-15T09:00:00Z */
      dueAt: string;
      /** @example Waiting on the counterpart */
      reason: string;
    };
    ChangeClassificationRequest: {
      classification: components['schemas']['ClassificationRequest'];
    };
    AgencyDto: {
      /** @example KISA */
      code: string;
      /** @example Korea Internet & Security Agency */
      name: string;
      /** @enum {string} */
      kind: 'agency' | 'counterpart';
      active: boolean;
      /** @description a counterpart’s liaison agency */
      liaisonAgency?: string;
    };
    AgencyWorkloadDto: {
      /** @example KISA */
      agency: string;
      /** @description tasks not accepted or cancelled */
      open: number;
      /** @description open tasks flagged overdue */
      overdue: number;
      total: number;
      byStatus: {
        [key: string]: number;
      };
    };
    AgencyWorkloadPageDto: {
      items: components['schemas']['AgencyWorkloadDto'][];
      stale: boolean;
    };
    CommentRequest: {
      /** @example @kisa.officer 2024년 양식을 써 주세요. */
      body: string;
      /** @description people to mention besides the `@login`s in the body (for a client that picks people from a list); each must be able to see the task */
      mentions?: string[];
      /** @description the text is personal (건강, 연락처, 사정…): stored encrypted under the author’s data key, shown to those who may read the task, "(erased)" once the author is erased; not searched */
      personal?: boolean;
    };
    CommentResultDto: {
      /**
       * Format: uuid
       * @description the follow-up
       */
      id: string;
      /** Format: uuid */
      commentId: string;
      /** @description the person ids mentioned */
      mentions: string[];
      /** @description the task’s stream version after the comment */
      version: number;
      position: number;
    };
    CollaborationActorDto: {
      /** @description a person id (or a token’s subject) */
      id: string;
      /** @example agency_officer */
      role: string;
      /** @example KISA */
      agency?: string;
      /** @description under a delegation (대결): the person acted for */
      onBehalfOf?: string;
    };
    CommentDto: {
      /** Format: uuid */
      commentId: string;
      /** @description the text; a personal one opened, or "(erased)" once its author is erased */
      body: string;
      /**
       * @description marked personal: stored encrypted
       * @enum {boolean}
       */
      personal?: true;
      /** @enum {string} */
      side: 'assignee' | 'bureau';
      /** @description person ids the comment mentions */
      mentions: string[];
      author: components['schemas']['CollaborationActorDto'];
      /** Format: date-time */
      at: string;
      /** @description its place in the task’s stream (timeline) */
      version: number;
    };
    CommentsDto: {
      /** Format: uuid */
      id: string;
      version: number;
      items: components['schemas']['CommentDto'][];
      /** @description display names of the authors and the people mentioned, by person id */
      people: {
        [key: string]: components['schemas']['DisplayNameDto'];
      };
    };
    UploadResultDto: {
      /**
       * Format: uuid
       * @description the follow-up
       */
      id: string;
      /** Format: uuid */
      fileId: string;
      sha256: string;
      size: number;
      /** @example application/pdf */
      mediaType: string;
      name: string;
      version: number;
      position: number;
    };
    AttachmentDto: {
      /** Format: uuid */
      fileId: string;
      /** @example 회신 문서.pdf */
      name: string;
      /** @description bytes */
      size: number;
      /**
       * @description decided from the content
       * @example application/pdf
       */
      mediaType: string;
      /** @description SHA-256 of the content, lower-case hex */
      sha256: string;
      attachedBy: components['schemas']['CollaborationActorDto'];
      /** Format: date-time */
      at: string;
      version: number;
    };
    AttachmentsDto: {
      /** Format: uuid */
      id: string;
      version: number;
      items: components['schemas']['AttachmentDto'][];
      /** @description display names of those who attached, by person id */
      people: {
        [key: string]: components['schemas']['DisplayNameDto'];
      };
    };
    AuditEventDto: {
      position: number;
      streamId: string;
      version: number;
      /** Format: uuid */
      eventId: string;
      type: string;
      schemaVersion: number;
      data: {
        [key: string]: unknown;
      };
      /** @description actor, role, agency… */
      metadata: {
        [key: string]: unknown;
      };
      /** Format: date-time */
      recordedAt: string;
      hash: string;
    };
    CheckpointDto: {
      /** @example 812 */
      transactionId: string;
      position: number;
    };
    HistoryPageDto: {
      events: components['schemas']['AuditEventDto'][];
      /** @description the cursor to pass as `after` for the next page */
      next: string;
      checkpoint: components['schemas']['CheckpointDto'];
    };
    AsOfDto: {
      streamId: string;
      /** Format: date-time */
      asOf: string | null;
      /** @description the stream version at that point (0: not yet there) */
      version: number;
      /** @description the folded state */
      state: {
        [key: string]: unknown;
      };
      events: components['schemas']['AuditEventDto'][];
    };
    BrokenEventDto: {
      position: number;
      streamId?: string;
      version?: number;
      problem: string;
      /** @enum {string} */
      check: 'chain' | 'seal';
    };
    VerifyReportDto: {
      ok: boolean;
      /** @description events whose chains were recomputed */
      checked: number;
      /** @description the earliest broken place */
      firstBroken?: components['schemas']['BrokenEventDto'];
    };
    RegisterAgencyRequest: {
      /**
       * @description 2–16 upper-case letters, digits or _
       * @example KISA
       */
      code: string;
      /** @example Korea Communications Commission */
      name: string;
      /** @enum {string} */
      kind: 'agency' | 'counterpart';
      /**
       * @description a counterpart’s liaison agency
       * @example MSIT
       */
      liaisonAgency?: string;
    };
    AgencyCommandResultDto: {
      /** @example KCC */
      code: string;
      /** @description the agency stream’s version after the command */
      version: number;
      /** @description global position of the change */
      position: number;
    };
    UpdateAgencyRequest: {
      /** @example Korea Communications Commission */
      name?: string;
      active?: boolean;
      /** @description a counterpart’s liaison agency; null clears it */
      liaisonAgency?: string | null;
    };
    PersonNameDto: {
      /** @example 김민지 */
      ko: string;
      /** @example Kim Minji */
      en: string;
    };
    PersonDto: {
      /** Format: uuid */
      id: string;
      /** @example kisa.officer */
      login: string;
      displayName: components['schemas']['PersonNameDto'];
      /** @example minji@kisa.example */
      email: string;
      /** @example KISA */
      agency: string;
      roles: ('bureau_head' | 'agency_officer' | 'auditor' | 'admin' | 'records_officer')[];
      active: boolean;
      /** @description the IdP subject this person signs in as */
      oidcSubject?: string;
      /** @description the person’s stream version: send it as If-Match */
      version: number;
      /** Format: date-time */
      updatedAt: string;
    };
    PeoplePageDto: {
      items: components['schemas']['PersonDto'][];
    };
    DisplayNameRequest: {
      /** @example 김민지 */
      ko: string;
      /** @example Kim Minji */
      en: string;
    };
    RegisterPersonRequest: {
      /**
       * @description sign-in name; stored lower-case
       * @example kisa.officer
       */
      login: string;
      displayName: components['schemas']['DisplayNameRequest'];
      /** @example minji@kisa.example */
      email: string;
      /**
       * @description the person’s one agency (an active agency, not a counterpart)
       * @example KISA
       */
      agency: string;
      /**
       * @example [
       *       "agency_officer"
       *     ]
       */
      roles: ('bureau_head' | 'agency_officer' | 'auditor' | 'admin' | 'records_officer')[];
      /** @example the IdP subject (sub claim) this person signs in as */
      oidcSubject?: string;
    };
    UpdatePersonRequest: {
      displayName?: components['schemas']['DisplayNameRequest'];
      /** @example minji@kisa.example */
      email?: string;
      /**
       * @description moves the person (their roles follow)
       * @example MSIT
       */
      agency?: string;
      /** @description the IdP subject; null unlinks it */
      oidcSubject?: string | null;
    };
    RoleRequest: {
      /** @enum {string} */
      role: 'bureau_head' | 'agency_officer' | 'auditor' | 'admin' | 'records_officer';
    };
    PersonReasonRequest: {
      /** @example left the agency */
      reason: string;
    };
    GrantDelegationRequest: {
      /**
       * Format: uuid
       * @description the colleague who may act for the delegator
       */
      toPersonId: string;
      /** @example 2026-12-15T09:00:00Z */
      startsAt: string;
      /** @example 2026-12-15T09:00:00Z */
      endsAt: string;
      /** @example 해외 출장 (overseas workshop) */
      reason?: string;
      /**
       * Format: uuid
       * @description admins only: the delegator (default: the caller)
       */
      fromPersonId?: string;
    };
    DelegationDto: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description the delegator
       */
      fromPerson: string;
      /**
       * Format: uuid
       * @description who may act for them
       */
      toPerson: string;
      /** Format: date-time */
      startsAt: string;
      /**
       * Format: date-time
       * @description it ends by itself then
       */
      endsAt: string;
      /**
       * Format: date-time
       * @description ended early
       */
      endedAt?: string;
      reason?: string;
    };
    DelegationsPageDto: {
      items: components['schemas']['DelegationDto'][];
    };
    RoleHolderDto: {
      /** Format: uuid */
      personId: string;
      login: string;
      displayName: components['schemas']['PersonNameDto'];
      /** @enum {string} */
      role: 'bureau_head' | 'agency_officer' | 'auditor' | 'admin' | 'records_officer';
      agency: string;
      /** Format: date-time */
      grantedAt: string;
      /** Format: date-time */
      revokedAt?: string;
    };
    RoleHoldersDto: {
      /** @enum {string} */
      role: 'bureau_head' | 'agency_officer' | 'auditor' | 'admin' | 'records_officer';
      agency: string;
      /** @example 2026-11-18 */
      on: string;
      holders: components['schemas']['RoleHolderDto'][];
    };
    WaiveContributionRequest: {
      /** @example Covered by the lead agency’s own analysis */
      reason: string;
    };
    StartMeetingSeriesRequest: {
      /** Format: uuid */
      workshopId: string;
      /**
       * Format: uuid
       * @description the agreed action the series carries out
       */
      actionId: string;
      /** @example AI 보안 실무 협의 */
      title?: string;
    };
    MeetingCommandResultDto: {
      /** Format: uuid */
      id: string;
      version: number;
      /** @description global log position (read your writes with minPosition) */
      position: number;
      /** @description the meeting’s number, when the command was about one */
      number?: number;
    };
    ScheduleMeetingRequest: {
      /** @example 2026-12-15T09:00:00Z */
      startsAt: string;
      /** @default 60 */
      durationMinutes: number;
      /** @example 정부세종청사 6동 회의실 */
      location?: string;
    };
    AttendeesRequest: {
      /** @description people of the directory (ids) */
      people: string[];
      /**
       * @description agencies or counterparts that attended as such
       * @example [
       *       "KISA",
       *       "NIS"
       *     ]
       */
      agencies: string[];
    };
    HoldMeetingRequest: {
      /** @example 2026-11-18 */
      date: string;
      attendees: components['schemas']['AttendeesRequest'];
      /** @example 위협 정보 공유 채널을 개설하기로 하였다. */
      minutes: string;
      /**
       * @example [
       *       "공유 채널 개설"
       *     ]
       */
      decisions: string[];
    };
    CancelMeetingRequest: {
      /** @example rescheduled */
      reason: string;
    };
    MeetingSeriesSummaryDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      workshopId: string;
      /** Format: uuid */
      actionId: string;
      /** @example MSIT */
      hostAgency: string;
      title: string;
      /** @description meetings scheduled so far */
      meetings: number;
      /** @description meetings held */
      held: number;
      nextStartsAt: string | null;
      /** @description YYYY-MM-DD */
      lastHeldOn: string | null;
      version: number;
    };
    MeetingSeriesListDto: {
      items: components['schemas']['MeetingSeriesSummaryDto'][];
    };
    MeetingAttendeesDto: {
      /** @description people of the directory (ids) */
      people: string[];
      /** @description agencies that attended as such */
      agencies: string[];
    };
    AgendaItemDto: {
      /** Format: uuid */
      followUpId: string;
      title: string;
      assigneeAgency: string;
      status: string;
      dueAt: string;
      overdue: boolean;
      /** @description the task’s version the agenda was read at */
      version: number;
      /** @description carried over: the first meeting whose agenda held it */
      carriedFrom?: number;
    };
    MeetingDto: {
      number: number;
      /** @enum {string} */
      status: 'scheduled' | 'held' | 'cancelled';
      startsAt: string;
      durationMinutes: number;
      location?: string;
      /** @description the day it was held, YYYY-MM-DD */
      date?: string;
      attendees?: components['schemas']['MeetingAttendeesDto'];
      /** @description 회의록 */
      minutes?: string;
      decisions?: string[];
      agenda?: components['schemas']['AgendaItemDto'][];
      cancelReason?: string;
    };
    MeetingSeriesDetailDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      workshopId: string;
      /** Format: uuid */
      actionId: string;
      hostAgency: string;
      title: string;
      attendingAgencies: string[];
      version: number;
      updatedAt: string;
      meetings: components['schemas']['MeetingDto'][];
    };
    MeetingPersonDto: {
      /** Format: uuid */
      id: string;
      /** @example KISA */
      agency: string;
      displayName: components['schemas']['PersonNameDto'];
      /** @description still active in the directory */
      active: boolean;
    };
    MeetingPeopleDto: {
      items: components['schemas']['MeetingPersonDto'][];
    };
    SearchItemDto: {
      /** @enum {string} */
      kind: 'follow-up' | 'comment' | 'workshop' | 'meeting-series' | 'meeting';
      /** @description the task, comment, workshop or series id */
      id: string;
      /** @description a comment’s title is its task’s */
      title: string;
      /** @description the text around the first match, one line */
      snippet: string;
      /**
       * Format: uuid
       * @description a comment’s follow-up
       */
      followUpId?: string;
      /**
       * Format: uuid
       * @description a meeting’s series
       */
      seriesId?: string;
      /** @description a meeting’s number in its series */
      number?: number;
      /** Format: uuid */
      workshopId: string | null;
      changedAt: string;
    };
    SearchPageDto: {
      items: components['schemas']['SearchItemDto'][];
      nextCursor: string | null;
      /** @description the view had not caught up with minPosition in time */
      stale: boolean;
    };
    DraftCounterpartRequestBody: {
      /**
       * Format: uuid
       * @description the workshop that recorded the info request
       */
      workshopId: string;
      /**
       * Format: uuid
       * @description the workshop's info request to a counterpart
       */
      infoRequestId: string;
      /** @example Please share the indicators you observed in AI-enabled phishing. */
      message?: string;
      /**
       * @description default: the info request's due date, 18:00 in Seoul
       * @example 2026-12-15T09:00:00Z
       */
      dueAt?: string;
    };
    CounterpartCommandResultDto: {
      /** Format: uuid */
      id: string;
      version: number;
      position: number;
      status: string;
    };
    CounterpartRequestSummaryDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      workshopId: string;
      /** Format: uuid */
      infoRequestId: string;
      /** @example OPENAI */
      counterpart: string;
      subject: string;
      /** @example MSIT */
      requestedBy: string;
      /** @example MSIT */
      hostAgency: string;
      /** @example MSIT */
      liaisonAgency: string;
      /** @enum {string} */
      status: 'drafted' | 'sent' | 'acknowledged' | 'partially_answered' | 'answered' | 'closed';
      /** @description sent and not yet answered in full */
      owed: boolean;
      dueAt: string | null;
      overdue: boolean;
      answers: number;
      chases: number;
      lastAnswerAt: string | null;
      createdAt: string;
      version: number;
    };
    CounterpartRequestsPageDto: {
      items: components['schemas']['CounterpartRequestSummaryDto'][];
    };
    SharedFileDto: {
      name: string;
      size: number;
      mediaType: string;
      /** @description lower-case hex; GET …/files/:sha256 downloads it */
      sha256: string;
    };
    CounterpartAnswerDto: {
      /** Format: uuid */
      answerId: string;
      /** @description when the log recorded it */
      at: string;
      text: string;
      files: components['schemas']['SharedFileDto'][];
      /** @description the counterpart said this completes its answer */
      complete: boolean;
    };
    IssuedLinkDto: {
      /** Format: uuid */
      linkId: string;
      expiresAt: string;
      /** @description the counterpart's page; pass it on (it works once, until expiresAt) */
      url: string;
    };
    CounterpartHistoryEntryDto: {
      version: number;
      type: string;
      at: string;
      actor: string;
      data: {
        [key: string]: unknown;
      };
    };
    CounterpartRequestDetailDto: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      workshopId: string;
      /** Format: uuid */
      infoRequestId: string;
      /** @example OPENAI */
      counterpart: string;
      subject: string;
      /** @example MSIT */
      requestedBy: string;
      /** @example MSIT */
      hostAgency: string;
      /** @example MSIT */
      liaisonAgency: string;
      /** @enum {string} */
      status: 'drafted' | 'sent' | 'acknowledged' | 'partially_answered' | 'answered' | 'closed';
      /** @description sent and not yet answered in full */
      owed: boolean;
      dueAt: string | null;
      overdue: boolean;
      chases: number;
      lastAnswerAt: string | null;
      createdAt: string;
      version: number;
      message: string | null;
      answers: components['schemas']['CounterpartAnswerDto'][];
      /** @description the link now working (bureau heads only; null for auditors) */
      currentLink: components['schemas']['IssuedLinkDto'] | null;
      history: components['schemas']['CounterpartHistoryEntryDto'][];
    };
    SendCounterpartRequestBody: {
      /**
       * @description required unless the draft has one
       * @example 2026-12-15T09:00:00Z
       */
      dueAt?: string;
    };
    CounterpartLinkResultDto: {
      /** Format: uuid */
      id: string;
      version: number;
      position: number;
      status: string;
      link: components['schemas']['IssuedLinkDto'];
    };
    AcknowledgeCounterpartRequestBody: {
      /** @example OpenAI confirmed receipt by e-mail */
      note?: string;
    };
    ChaseCounterpartRequestBody: {
      /**
       * @description a new due time
       * @example 2026-12-15T09:00:00Z
       */
      dueAt?: string;
      /** @example A reminder: we still need the indicators */
      note?: string;
    };
    CloseCounterpartRequestBody: {
      /** @enum {string} */
      outcome: 'answered' | 'withdrawn' | 'unanswered';
      /** @example All indicators received */
      reason?: string;
    };
    DisposalReviewItemDto: {
      /** @example follow-up-3f1c… */
      recordId: string;
      /** @enum {string} */
      kind: 'workshop' | 'follow-up';
      /** Format: uuid */
      subjectId: string;
      /** Format: uuid */
      workshopId: string | null;
      /** @enum {string} */
      recordClass: 'policy-meeting' | 'task-handling' | 'information-request' | 'contribution';
      retention: number | 'permanent';
      closedAt: string | null;
      /** @example 2032-01-01 */
      disposalDueOn: string | null;
      legalHold: Record<string, never> | null;
      disposalApprovedAt: string | null;
      disposedAt: string | null;
      version: number;
      /** @description false while a legal hold stands */
      disposable: boolean;
    };
    DisposalReviewDto: {
      /** @example 2032-02-01 */
      on: string;
      items: components['schemas']['DisposalReviewItemDto'][];
    };
    RecordDto: {
      /** @example follow-up-3f1c… */
      recordId: string;
      /** @enum {string} */
      kind: 'workshop' | 'follow-up';
      /** Format: uuid */
      subjectId: string;
      /** Format: uuid */
      workshopId: string | null;
      /** @enum {string} */
      recordClass: 'policy-meeting' | 'task-handling' | 'information-request' | 'contribution';
      retention: number | 'permanent';
      closedAt: string | null;
      /** @example 2032-01-01 */
      disposalDueOn: string | null;
      legalHold: Record<string, never> | null;
      disposalApprovedAt: string | null;
      disposedAt: string | null;
      version: number;
    };
    SetRetentionBody: {
      /**
       * @description 기록물 분류
       * @enum {string}
       */
      recordClass?: 'policy-meeting' | 'task-handling' | 'information-request' | 'contribution';
      /** @description years (1, 3, 5, 10, 30) or "permanent" (영구) */
      retention?: (1 | 3 | 5 | 10 | 30) | 'permanent';
      /** @example The workshop decided national policy: kept permanently */
      reason: string;
    };
    LegalHoldBody: {
      /** @example Litigation 2026가합12345: keep until the judgment is final */
      reason: string;
    };
    DisposalResultDto: {
      record: components['schemas']['RecordDto'];
      /** @description the RecordDisposed event */
      disposal: Record<string, never>;
      events: number;
      files: number;
    };
    SignInRequest: {
      /** @example kisa.officer */
      username: string;
      /** @example liaison-demo */
      password: string;
    };
    SessionDisplayNameDto: {
      /** @example 김담당 */
      ko: string;
      /** @example Kim Damdang */
      en: string;
    };
    SessionPersonDto: {
      /** Format: uuid */
      id: string;
      /** @example kisa.officer */
      login: string;
      displayName: components['schemas']['SessionDisplayNameDto'];
      /** @example kisa.officer@example.go.kr */
      email: string;
      /** @example KISA */
      agency: string;
      roles: ('bureau_head' | 'agency_officer' | 'auditor' | 'admin' | 'records_officer')[];
    };
    SignInAnswerDto: {
      person: components['schemas']['SessionPersonDto'];
      /** @description send it as X-CSRF-Token on unsafe requests with the cookie */
      csrfToken: string;
    };
    OnBehalfOfDto: {
      /** Format: uuid */
      id: string;
      name?: string;
    };
    MeCallerDto: {
      /** @description a person id, key:<id> for an API key, or a token subject */
      id: string;
      /**
       * @description the role this request acts in
       * @enum {string}
       */
      role: 'bureau_head' | 'agency_officer' | 'auditor' | 'admin' | 'records_officer';
      roles: ('bureau_head' | 'agency_officer' | 'auditor' | 'admin' | 'records_officer')[];
      agency: string | null;
      /** @enum {string|null} */
      via: 'session' | 'api_key' | 'jwt' | null;
      /** @description under X-On-Behalf-Of */
      onBehalfOf?: components['schemas']['OnBehalfOfDto'];
    };
    MeDelegationDto: {
      /** Format: uuid */
      id: string;
      /**
       * Format: uuid
       * @description who is acted for
       */
      fromPerson: string;
      /**
       * Format: uuid
       * @description who acts
       */
      toPerson: string;
      /** Format: date-time */
      startsAt: string;
      /** Format: date-time */
      endsAt: string;
      reason?: string;
    };
    MeAnswerDto: {
      /** @description null without a session */
      person: components['schemas']['SessionPersonDto'] | null;
      caller: components['schemas']['MeCallerDto'];
      /** @description delegations given or received that are not over (current and upcoming) */
      delegations: components['schemas']['MeDelegationDto'][];
      /** @description null without a session */
      csrfToken: string | null;
    };
    ChangePasswordRequest: {
      currentPassword: string;
      newPassword: string;
    };
    ResetPasswordRequest: {
      newPassword: string;
    };
    SessionsEndedDto: {
      /** @example 1 */
      sessionsEnded: number;
    };
    CreateApiKeyRequest: {
      /** @example KISA ticketing bridge */
      name: string;
      /** @enum {string} */
      role: 'bureau_head' | 'agency_officer' | 'auditor' | 'admin' | 'records_officer';
      /**
       * @description required for bureau_head and agency_officer
       * @example KISA
       */
      agency?: string;
      /**
       * @description at most a year ahead
       * @example 2027-06-30T00:00:00Z
       */
      expiresAt: string;
    };
    NewApiKeyDto: {
      /**
       * @description the <id> of lsk_<id>_<secret>
       * @example 3f9a0c1d2b4e5f60
       */
      id: string;
      name: string;
      /** @enum {string} */
      role: 'bureau_head' | 'agency_officer' | 'auditor' | 'admin' | 'records_officer';
      /** @example KISA */
      agency?: string;
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: date-time */
      revokedAt?: string;
      /** Format: date-time */
      firstUsedAt?: string;
      /** Format: date-time */
      lastUsedAt?: string;
      /**
       * @description the key itself: shown in this answer only, never again
       * @example lsk_3f9a0c1d2b4e5f60_…
       */
      key: string;
    };
    ApiKeyDto: {
      /**
       * @description the <id> of lsk_<id>_<secret>
       * @example 3f9a0c1d2b4e5f60
       */
      id: string;
      name: string;
      /** @enum {string} */
      role: 'bureau_head' | 'agency_officer' | 'auditor' | 'admin' | 'records_officer';
      /** @example KISA */
      agency?: string;
      createdBy: string;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      expiresAt: string;
      /** Format: date-time */
      revokedAt?: string;
      /** Format: date-time */
      firstUsedAt?: string;
      /** Format: date-time */
      lastUsedAt?: string;
    };
    AgencyWebhookRequest: {
      /** @example https://tasks.kisa.example/liaison */
      url: string;
      /** @description HMAC-SHA256 key the receiver verifies with; write-only, never returned */
      secret: string;
      /** @default true */
      active: boolean;
    };
    WebhookDto: {
      /** @example KISA */
      agency: string;
      /** @example https://tasks.kisa.example/liaison */
      url: string;
      active: boolean;
      /**
       * @description a secret is set (it is never shown)
       * @enum {boolean}
       */
      secretSet: true;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
    };
    DeadLetterDto: {
      /** Format: uuid */
      id: string;
      /** @example agency-KISA */
      queue: string;
      jobId: string;
      /** @example deliver */
      jobName: string;
      /** @example KISA */
      agency?: string;
      /** Format: uuid */
      followUpId?: string;
      /** @description the job as queued */
      payload: {
        [key: string]: unknown;
      };
      /** @description the last failure */
      reason: string;
      attempts: number;
      /** Format: date-time */
      failedAt: string;
      /** Format: date-time */
      retriedAt?: string;
      retryCount: number;
      /** @description the id the last retry was queued under */
      retryJobId?: string;
    };
    DeadLettersPageDto: {
      items: components['schemas']['DeadLetterDto'][];
    };
    ColleagueNameDto: {
      /** @example 김담당 */
      ko: string;
      /** @example Kim Officer */
      en: string;
    };
    ColleagueDto: {
      /** Format: uuid */
      id: string;
      displayName: components['schemas']['ColleagueNameDto'];
    };
    ColleaguesDto: {
      items: components['schemas']['ColleagueDto'][];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  WorkshopsController_list: {
    parameters: {
      query?: {
        /** @description wait (briefly) until the view includes this global position */
        minPosition?: number;
        /** @description opaque cursor from the previous page’s nextCursor */
        cursor?: string;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkshopPageDto'];
        };
      };
    };
  };
  WorkshopsController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateWorkshopRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkshopCreatedDto'];
        };
      };
    };
  };
  WorkshopsController_agreeAction: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AgreeActionRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ActionAgreedDto'];
        };
      };
    };
  };
  WorkshopsController_requestInfo: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RequestInfoRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InfoRequestedDto'];
        };
      };
    };
  };
  WorkshopsController_get: {
    parameters: {
      query?: {
        /** @description wait (briefly) until the view includes this global position */
        minPosition?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WorkshopDto'];
        };
      };
    };
  };
  FollowUpsController_board: {
    parameters: {
      query?: {
        /** @description wait (briefly) until the view includes this global position */
        minPosition?: number;
        /** @description opaque cursor from the previous page’s nextCursor */
        cursor?: string;
        limit?: number;
        /** @description the assignee agency */
        agency?: string;
        /** @description one status or a comma-separated list */
        status?: string[];
        /** @description true: only open tasks; false: only closed ones */
        open?: boolean;
        /** @description true: only tasks overdue now */
        overdue?: boolean;
        workshopId?: string;
        /** @description the task’s officer (담당자) */
        officerId?: string;
        /** @description true: only tasks nobody has claimed; false: only claimed */
        unclaimed?: boolean;
        sort?: 'dueAt' | 'lastChangedAt' | 'priority';
        order?: 'asc' | 'desc';
      };
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FollowUpPageDto'];
        };
      };
    };
  };
  FollowUpsController_assign: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AssignFollowUpRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FollowUpsController_overdue: {
    parameters: {
      query?: {
        /** @description wait (briefly) until the view includes this global position */
        minPosition?: number;
        /** @description opaque cursor from the previous page’s nextCursor */
        cursor?: string;
        limit?: number;
        agency?: string;
        workshopId?: string;
      };
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FollowUpsController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FollowUpDto'];
        };
      };
      /** @description no such task, or not yours */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_history: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FollowUpHistoryDto'];
        };
      };
    };
  };
  FollowUpsController_acknowledge: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
      /** @description changed since If-Match, or wrong state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_start: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
      /** @description changed since If-Match, or wrong state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_progress: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['NoteRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
      /** @description changed since If-Match, or wrong state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_submit: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResponseRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
      /** @description changed since If-Match, or wrong state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_decline: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
      /** @description changed since If-Match, or wrong state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_claim: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
      /** @description changed since If-Match, or wrong state */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FollowUpsController_handOver: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HandOverRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FollowUpsController_accept: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FollowUpsController_reject: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FollowUpsController_reassign: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReassignRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FollowUpsController_extend: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ExtendRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  FollowUpsController_cancel: {
    parameters: {
      query?: never;
      header?: {
        /** @description same key and body → the first answer */
        'Idempotency-Key'?: string;
        /** @description expected stream version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ReasonRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ClassificationController_workshop: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeClassificationRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
    };
  };
  ClassificationController_followUp: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangeClassificationRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
    };
  };
  AgenciesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgencyDto'][];
        };
      };
    };
  };
  AgencyAdminController_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterAgencyRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgencyCommandResultDto'];
        };
      };
    };
  };
  AgenciesController_workload: {
    parameters: {
      query?: {
        /** @description wait (briefly) until the view includes this global position */
        minPosition?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgencyWorkloadPageDto'];
        };
      };
    };
  };
  AgenciesController_inbox: {
    parameters: {
      query?: {
        /** @description wait (briefly) until the view includes this global position */
        minPosition?: number;
        /** @description opaque cursor from the previous page’s nextCursor */
        cursor?: string;
        limit?: number;
        /** @description mine: tasks whose officer (담당자) is the caller, or the person the caller acts for; unclaimed: tasks nobody has claimed; agency: all open tasks of the agency */
        scope?: 'agency' | 'mine' | 'unclaimed';
      };
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['FollowUpPageDto'];
        };
      };
    };
  };
  HealthController_system: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HealthController_live: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  HealthController_ready: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  CommentsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommentsDto'];
        };
      };
    };
  };
  CommentsController_comment: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CommentRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommentResultDto'];
        };
      };
      /** @description no such task, or not yours */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  FilesController_list: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AttachmentsDto'];
        };
      };
    };
  };
  FilesController_upload: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': {
          /** Format: binary */
          file: string;
        };
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['UploadResultDto'];
        };
      };
    };
  };
  FilesController_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        fileId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
    };
  };
  AuditController_events: {
    parameters: {
      query?: {
        /** @description continue after this cursor ("<transactionId>:<position>") */
        after?: string;
        limit?: number;
        /** @description only events of this type */
        type?: string;
        /** @description only this stream’s events (a classified stream is in the history like any) */
        stream?: string;
        /** @description only what this person (or key, key:<id>) did, or what was done for them (대결) */
        actor?: string;
        /** @description recorded at or after */
        from?: string;
        /** @description recorded before */
        to?: string;
      };
      header?: {
        /** @description why you read it; required when the page holds events of a restricted or confidential item (400), each of which the access log then names. Percent-encoded UTF-8 (encodeURIComponent) is decoded, for reasons in Korean */
        'X-Audit-Reason'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['HistoryPageDto'];
        };
      };
    };
  };
  AuditController_stream: {
    parameters: {
      query?: {
        /** @description as recorded at or before this time */
        asOf?: string;
        /** @description up to and including this stream version */
        toVersion?: number;
      };
      header?: {
        /** @description why you read it; required when the item is restricted or confidential (400). Percent-encoded UTF-8 (encodeURIComponent) is decoded, for reasons in Korean */
        'X-Audit-Reason'?: string;
      };
      path: {
        streamId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuditController_followUpAsOf: {
    parameters: {
      query?: {
        /** @description as recorded at or before this time */
        asOf?: string;
        /** @description up to and including this stream version */
        toVersion?: number;
      };
      header?: {
        /** @description why you read it; required when the item is restricted or confidential (400). Percent-encoded UTF-8 (encodeURIComponent) is decoded, for reasons in Korean */
        'X-Audit-Reason'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AsOfDto'];
        };
      };
    };
  };
  AuditController_workshopAsOf: {
    parameters: {
      query?: {
        /** @description as recorded at or before this time */
        asOf?: string;
        /** @description up to and including this stream version */
        toVersion?: number;
      };
      header?: {
        /** @description why you read it; required when the item is restricted or confidential (400). Percent-encoded UTF-8 (encodeURIComponent) is decoded, for reasons in Korean */
        'X-Audit-Reason'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuditController_verify: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VerifyReportDto'];
        };
      };
    };
  };
  AuditController_export: {
    parameters: {
      query?: {
        /** @description why you export the log, as X-Audit-Reason (which is read when this is absent); required when the log holds restricted or confidential items (400) */
        reason?: string;
      };
      header?: {
        /** @description why you export it; required when the log holds restricted or confidential items (400), each of which the access log then names; or the `reason` parameter */
        'X-Audit-Reason'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AuditController_accessLog: {
    parameters: {
      query?: {
        actor?: string;
        action?:
          'verify' | 'seal' | 'replay' | 'read_stream' | 'as_of' | 'export' | 'read_access_log';
        since?: string;
        /** @description entries older than this id (the previous page’s next) */
        before?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AgencyAdminController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdateAgencyRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AgencyCommandResultDto'];
        };
      };
    };
  };
  PeopleController_list: {
    parameters: {
      query?: {
        agency?: string;
        active?: 'true' | 'false';
      };
      header?: {
        /** @description the person’s version; 409 if it moved */
        'If-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PeoplePageDto'];
        };
      };
    };
  };
  PeopleController_register: {
    parameters: {
      query?: never;
      header?: {
        /** @description the person’s version; 409 if it moved */
        'If-Match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RegisterPersonRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
    };
  };
  PeopleController_get: {
    parameters: {
      query?: never;
      header?: {
        /** @description the person’s version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PersonDto'];
        };
      };
    };
  };
  PeopleController_update: {
    parameters: {
      query?: never;
      header?: {
        /** @description the person’s version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['UpdatePersonRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
    };
  };
  PeopleController_grant: {
    parameters: {
      query?: never;
      header?: {
        /** @description the person’s version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['RoleRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
    };
  };
  PeopleController_revoke: {
    parameters: {
      query?: never;
      header?: {
        /** @description the person’s version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
    };
  };
  PeopleController_deactivate: {
    parameters: {
      query?: never;
      header?: {
        /** @description the person’s version; 409 if it moved */
        'If-Match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PersonReasonRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
    };
  };
  DelegationsController_mine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DelegationsPageDto'];
        };
      };
    };
  };
  DelegationsController_grant: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['GrantDelegationRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
    };
  };
  DelegationsController_end: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
    };
  };
  RoleHoldersController_roleHolders: {
    parameters: {
      query: {
        role: 'bureau_head' | 'agency_officer' | 'auditor' | 'admin' | 'records_officer';
        /** @description agency code, e.g. KISA */
        agency: string;
        /** @description a day (YYYY-MM-DD, Korean time: anyone who held it during that day) or an instant */
        on: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RoleHoldersDto'];
        };
      };
    };
  };
  ErasureController_erase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['PersonReasonRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommandResultDto'];
        };
      };
    };
  };
  ContributionsController_request: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ContributionRequest'];
      };
    };
    responses: {
      /** @description {id (the lead), contributionId, version, position} */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description no such task, or not yours */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description the lead was submitted or closed */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  ContributionsController_waive: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        agency: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['WaiveContributionRequest'];
      };
    };
    responses: {
      /** @description no such task or contribution */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
      /** @description the contribution is in already */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ErrorResponseDto'];
        };
      };
    };
  };
  MeetingSeriesController_list: {
    parameters: {
      query?: {
        workshopId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeetingSeriesListDto'];
        };
      };
    };
  };
  MeetingSeriesController_start: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['StartMeetingSeriesRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeetingCommandResultDto'];
        };
      };
    };
  };
  MeetingSeriesController_schedule: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ScheduleMeetingRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeetingCommandResultDto'];
        };
      };
    };
  };
  MeetingSeriesController_held: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['HoldMeetingRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeetingCommandResultDto'];
        };
      };
    };
  };
  MeetingSeriesController_cancel: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        n: number;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CancelMeetingRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeetingCommandResultDto'];
        };
      };
    };
  };
  MeetingSeriesController_detail: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeetingSeriesDetailDto'];
        };
      };
    };
  };
  MeetingSeriesController_attendees: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeetingPeopleDto'];
        };
      };
    };
  };
  MeetingSeriesController_calendar: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SearchController_search: {
    parameters: {
      query: {
        /** @description wait (briefly) until the view includes this global position */
        minPosition?: number;
        /** @description words to find (all of them), Korean or English */
        q: string;
        /** @description one kind or a list */
        kind?: string[];
        limit?: number;
        /** @description opaque cursor from the previous page’s nextCursor */
        cursor?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SearchPageDto'];
        };
      };
    };
  };
  CounterpartRequestsController_list: {
    parameters: {
      query?: {
        /** @description `open`: what is still owed */
        status?:
          | 'open'
          | 'drafted'
          | 'sent'
          | 'acknowledged'
          | 'partially_answered'
          | 'answered'
          | 'closed';
        workshopId?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CounterpartRequestsPageDto'];
        };
      };
    };
  };
  CounterpartRequestsController_draft: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DraftCounterpartRequestBody'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CounterpartCommandResultDto'];
        };
      };
    };
  };
  CounterpartRequestsController_detail: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CounterpartRequestDetailDto'];
        };
      };
    };
  };
  CounterpartRequestsController_download: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        sha256: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/octet-stream': string;
        };
      };
    };
  };
  CounterpartRequestsController_send: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SendCounterpartRequestBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CounterpartLinkResultDto'];
        };
      };
    };
  };
  CounterpartRequestsController_acknowledge: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AcknowledgeCounterpartRequestBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CounterpartCommandResultDto'];
        };
      };
    };
  };
  CounterpartRequestsController_chase: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChaseCounterpartRequestBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CounterpartLinkResultDto'];
        };
      };
    };
  };
  CounterpartRequestsController_close: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CloseCounterpartRequestBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CounterpartCommandResultDto'];
        };
      };
    };
  };
  BoardExportController_csv: {
    parameters: {
      query?: {
        /** @description wait (briefly) until the view includes this global position */
        minPosition?: number;
        /** @description opaque cursor from the previous page’s nextCursor */
        cursor?: string;
        limit?: number;
        /** @description the assignee agency */
        agency?: string;
        /** @description one status or a comma-separated list */
        status?: string[];
        /** @description true: only open tasks; false: only closed ones */
        open?: boolean;
        /** @description true: only tasks overdue now */
        overdue?: boolean;
        workshopId?: string;
        /** @description the task’s officer (담당자) */
        officerId?: string;
        /** @description true: only tasks nobody has claimed; false: only claimed */
        unclaimed?: boolean;
        sort?: 'dueAt' | 'lastChangedAt' | 'priority';
        order?: 'asc' | 'desc';
        /** @description headers and labels; else Accept-Language, else ko */
        lang?: 'ko' | 'en';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  BoardExportController_xlsx: {
    parameters: {
      query?: {
        /** @description wait (briefly) until the view includes this global position */
        minPosition?: number;
        /** @description opaque cursor from the previous page’s nextCursor */
        cursor?: string;
        limit?: number;
        /** @description the assignee agency */
        agency?: string;
        /** @description one status or a comma-separated list */
        status?: string[];
        /** @description true: only open tasks; false: only closed ones */
        open?: boolean;
        /** @description true: only tasks overdue now */
        overdue?: boolean;
        workshopId?: string;
        /** @description the task’s officer (담당자) */
        officerId?: string;
        /** @description true: only tasks nobody has claimed; false: only claimed */
        unclaimed?: boolean;
        sort?: 'dueAt' | 'lastChangedAt' | 'priority';
        order?: 'asc' | 'desc';
        /** @description headers and labels; else Accept-Language, else ko */
        lang?: 'ko' | 'en';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WorkshopProgressExportController_csv: {
    parameters: {
      query?: {
        /** @description wait (briefly) until the view includes this global position */
        minPosition?: number;
        /** @description headers and labels; else Accept-Language, else ko */
        lang?: 'ko' | 'en';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  WorkshopProgressExportController_xlsx: {
    parameters: {
      query?: {
        /** @description wait (briefly) until the view includes this global position */
        minPosition?: number;
        /** @description headers and labels; else Accept-Language, else ko */
        lang?: 'ko' | 'en';
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  RecordsController_review: {
    parameters: {
      query?: {
        on?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisposalReviewDto'];
        };
      };
    };
  };
  RecordsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        recordId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordDto'];
        };
      };
    };
  };
  RecordsController_setRetention: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        recordId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SetRetentionBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordDto'];
        };
      };
    };
  };
  RecordsController_placeHold: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        recordId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LegalHoldBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordDto'];
        };
      };
    };
  };
  RecordsController_liftHold: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        recordId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['LegalHoldBody'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RecordDto'];
        };
      };
    };
  };
  RecordsController_dispose: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        recordId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DisposalResultDto'];
        };
      };
    };
  };
  SessionController_signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignInRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInAnswerDto'];
        };
      };
    };
  };
  SessionController_signOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SessionController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MeAnswerDto'];
        };
      };
    };
  };
  SessionController_changePassword: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ChangePasswordRequest'];
      };
    };
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  SessionController_reset: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ResetPasswordRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionsEndedDto'];
        };
      };
    };
  };
  SessionController_endSessions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SessionsEndedDto'];
        };
      };
    };
  };
  ApiKeysController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ApiKeyDto'][];
        };
      };
    };
  };
  ApiKeysController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['CreateApiKeyRequest'];
      };
    };
    responses: {
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NewApiKeyDto'];
        };
      };
    };
  };
  ApiKeysController_revoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  OidcSessionController_available: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OIDC sign-in is configured; where to send the browser */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  OidcSessionController_start: {
    parameters: {
      query?: {
        /** @description A path on this site */
        returnTo?: unknown;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To the IdP (authorization code with PKCE) */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  OidcSessionController_callback: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description To returnTo, signed in; or to /sign-in?error=<code> */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  NotificationsController_list: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  NotificationsController_readAll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  NotificationsController_read: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  NotificationsController_getPreferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  NotificationsController_putPreferences: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AgencyWebhooksController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDto'];
        };
      };
    };
  };
  AgencyWebhooksController_set: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['AgencyWebhookRequest'];
      };
    };
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['WebhookDto'];
        };
      };
    };
  };
  AgencyWebhooksController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  DeadLettersController_list: {
    parameters: {
      query?: {
        /** @description only those not retried yet */
        waiting?: boolean;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeadLettersPageDto'];
        };
      };
    };
  };
  DeadLettersController_retry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      202: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DeadLetterDto'];
        };
      };
    };
  };
  LiveController_stream: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description an event stream that stays open */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  ColleaguesController_officers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ColleaguesDto'];
        };
      };
    };
  };
}
