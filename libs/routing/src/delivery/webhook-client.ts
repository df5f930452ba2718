import { lookup, LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  DELIVERY_HEADER,
  signWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from './webhook-signature';
import { hostOf, WebhookTargetPolicy } from './webhook-target-policy';

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
  /** Where a webhook may point (the routing configuration's `webhookTargets`). */
  targets: WebhookTargetPolicy;
}

/** The connection's own name lookup refuses a forbidden address, so what was checked is what is
 * connected to: a name re-pointed after registration (DNS rebinding) is caught here. */
class ForbiddenTargetError extends Error {
  readonly code = 'ETARGETFORBIDDEN';
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function checkedLookup(host: string, targets: WebhookTargetPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      for (const { address } of addresses) {
        const problem = targets.addressProblem(host, address);
        if (problem) return callback(new ForbiddenTargetError(`the URL ${problem}`), []);
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

/** POSTs a signed body; any answer but 2xx (redirects too), a timeout or a network error, or a
 * target the policy forbids, is a failure. */
export async function postSignedWebhook(req: WebhookRequest): Promise<number> {
  const { targets } = req;
  const problem = targets.urlProblem(req.url);
  if (problem) throw new WebhookDeliveryError(`webhook refused: the URL ${problem}`);
  const url = new URL(req.url);
  const timestamp = Math.floor(Date.now() / 1000);
  const signal = AbortSignal.timeout(req.timeoutMs);
  let status: number;
  try {
    status = await new Promise<number>((resolve, reject) => {
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(
        url,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(req.body),
            [TIMESTAMP_HEADER]: String(timestamp),
            [SIGNATURE_HEADER]: signWebhook(req.secret, timestamp, req.body),
            [DELIVERY_HEADER]: req.deliveryId,
          },
          lookup: checkedLookup(hostOf(url), targets),
          signal,
        },
        (response) => {
          response.resume(); // the answer's body is not needed
          resolve(response.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end(req.body);
    });
  } catch (err) {
    if (err instanceof ForbiddenTargetError) {
      throw new WebhookDeliveryError(`webhook refused: ${err.message}`);
    }
    const timedOut = signal.aborted;
    const reason = timedOut ? `no answer within ${req.timeoutMs} ms` : describe(err);
    throw new WebhookDeliveryError(`webhook unreachable: ${reason}`);
  }
  if (status < 200 || status >= 300) {
    throw new WebhookDeliveryError(`webhook answered ${status}`, status);
  }
  return status;
}

function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: string }).code;
  return code ? `${err.message} (${code})` : err.message;
}
