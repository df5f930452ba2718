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
    post?: never;
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
    /** An agency’s open tasks, due first (officers: their own agency only) */
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
  '/v1/audit/events': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The global history in commit-safe order, from a cursor */
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
  '/v1/admin/agencies/{code}/webhook': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The agency’s webhook, without its secret */
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
    /** Dead letters, newest first */
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
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
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
    };
    FollowUpViewDto: {
      /** Format: uuid */
      workshopId: string;
      /** @example MSIT */
      hostAgency: string;
      /** Format: uuid */
      sourceId: string;
      /** @enum {string} */
      sourceKind: 'action' | 'request';
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
      /** @description global position of the last change */
      lastPosition: number;
      lastEventType: string;
      /** Format: date-time */
      lastChangedAt: string;
      /** Format: date-time */
      createdAt: string;
    };
    FollowUpPageDto: {
      items: components['schemas']['FollowUpViewDto'][];
      /** @description pass as `cursor` for the next page */
      nextCursor: string | null;
      /** @description the view had not reached minPosition when the wait ran out */
      stale: boolean;
    };
    FollowUpDto: {
      /** Format: uuid */
      workshopId: string;
      /** @example MSIT */
      hostAgency: string;
      /** Format: uuid */
      sourceId: string;
      /** @enum {string} */
      sourceKind: 'action' | 'request';
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
    };
    ResponseRequest: {
      /** @example Threat briefing attached; summary follows. */
      response: string;
    };
    ReasonRequest: {
      /** @example Needs figures for the last quarter */
      reason: string;
    };
    ReassignRequest: {
      /**
       * @description the new assignee
       * @example KISA
       */
      assigneeAgency: string;
      /** @example KISA owns this relationship */
      reason: string;
    };
    ExtendRequest: {
      /** @example 2026-12-15T09:00:00Z */
      dueAt: string;
      /** @example Waiting on the counterpart */
      reason: string;
    };
    AgencyWebhookRequest: {
      /** @example https://tasks.kisa.example/liaison */
      url: string;
      /** @description HMAC-SHA256 key the receiver verifies with; write-only, never returned */
      secret: string;
      /** @default true */
      active: boolean;
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
        content?: never;
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
        content?: never;
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
        content?: never;
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
        content?: never;
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
        content?: never;
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
        content?: never;
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
        content?: never;
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
  AuditController_events: {
    parameters: {
      query?: {
        /** @description continue after this cursor ("<transactionId>:<position>") */
        after?: string;
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
  AuditController_stream: {
    parameters: {
      query?: {
        /** @description as recorded at or before this time */
        asOf?: string;
        /** @description up to and including this stream version */
        toVersion?: number;
      };
      header?: never;
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
  AuditController_workshopAsOf: {
    parameters: {
      query?: {
        /** @description as recorded at or before this time */
        asOf?: string;
        /** @description up to and including this stream version */
        toVersion?: number;
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
        content?: never;
      };
    };
  };
  AuditController_export: {
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
        content?: never;
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
        content?: never;
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
        content?: never;
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
        content?: never;
      };
    };
  };
}
