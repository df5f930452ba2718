import { Inject, Injectable } from '@nestjs/common';
import { Pool } from 'pg';
import { PG_POOL } from '@liaison/platform';

/** Where an agency wants its tasks POSTed. The secret stays inside this lib and the worker. */
export interface AgencyWebhook {
  agency: string;
  url: string;
  secret: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

interface WebhookRow {
  agency: string;
  url: string;
  secret: string;
  active: boolean;
  created_at: Date;
  updated_at: Date;
}

const toWebhook = (r: WebhookRow): AgencyWebhook => ({
  agency: r.agency,
  url: r.url,
  secret: r.secret,
  active: r.active,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

@Injectable()
export class AgencyWebhooks {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async save(agency: string, url: string, secret: string, active: boolean): Promise<AgencyWebhook> {
    const { rows } = await this.pool.query<WebhookRow>(
      `INSERT INTO agency_webhooks (agency, url, secret, active) VALUES ($1, $2, $3, $4)
       ON CONFLICT (agency) DO UPDATE
         SET url = $2, secret = $3, active = $4, updated_at = now()
       RETURNING *`,
      [agency, url, secret, active],
    );
    return toWebhook(rows[0]);
  }

  async find(agency: string): Promise<AgencyWebhook | undefined> {
    const { rows } = await this.pool.query<WebhookRow>(
      'SELECT * FROM agency_webhooks WHERE agency = $1',
      [agency],
    );
    return rows[0] && toWebhook(rows[0]);
  }

  async remove(agency: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('DELETE FROM agency_webhooks WHERE agency = $1', [
      agency,
    ]);
    return (rowCount ?? 0) > 0;
  }
}
