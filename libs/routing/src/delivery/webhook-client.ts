import {
  DELIVERY_HEADER,
  signWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from './webhook-signature';

/** The receiver did not take the task; BullMQ retries with backoff. Never carries the secret. */
export class WebhookDeliveryError extends Error {
  readonly code = 'WEBHOOK_DELIVERY_FAILED';

  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'WebhookDeliveryError';
  }
}

export interface WebhookRequest {
  url: string;
  secret: string;
  body: string;
  /** The same id on every retry, so a receiver can drop a repeat. */
  deliveryId: string;
  timeoutMs: number;
}

/** POSTs a signed body; any answer but 2xx, a timeout or a network error is a failure. */
export async function postSignedWebhook(req: WebhookRequest): Promise<number> {
  const timestamp = Math.floor(Date.now() / 1000);
  let response: Response;
  try {
    response = await fetch(req.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signWebhook(req.secret, timestamp, req.body),
        [DELIVERY_HEADER]: req.deliveryId,
      },
      body: req.body,
      redirect: 'error',
      signal: AbortSignal.timeout(req.timeoutMs),
    });
  } catch (err) {
    const timedOut = err instanceof Error && err.name === 'TimeoutError';
    const reason = timedOut ? `no answer within ${req.timeoutMs} ms` : describe(err);
    throw new WebhookDeliveryError(`webhook unreachable: ${reason}`);
  }
  await response.body?.cancel().catch(() => {}); // the answer's body is not needed
  if (response.status < 200 || response.status >= 300) {
    throw new WebhookDeliveryError(`webhook answered ${response.status}`, response.status);
  }
  return response.status;
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = (err as { cause?: { code?: string } }).cause;
  return cause?.code ? `${err.message} (${cause.code})` : err.message;
}
