import type { HashedFields } from '../event-hash';

/**
 * Known answers for the hash chain: two events of one stream, the canonical body of each and
 * the hash the store writes for it. The README's "For outside verifiers" lists the same, so
 * that others can check their implementation; specs on every path hold them fixed, since a
 * format change would break every older export.
 */
export const CHAIN_VECTORS: { event: HashedFields; body: string; hash: string }[] = [
  {
    event: {
      streamId: 'follow-up-1',
      eventId: '0b5f7f3e-6a43-4d59-9a57-0c9a0f1f2b11',
      type: 'FollowUpAssigned',
      schemaVersion: 1,
      data: {
        title: 'Patch the VPN gateway',
        agency: 'KISA',
        note: 'é "q"',
        due: { tz: 'Asia/Seoul', at: '2025-06-03T09:00:00Z' },
      },
      metadata: { role: 'bureau_head', actor: 'u-1', correlation_id: 'c-1' },
      recordedAt: new Date('2025-06-01T09:30:00.120Z'),
    },
    body:
      '{"data":{"agency":"KISA","due":{"at":"2025-06-03T09:00:00Z","tz":"Asia/Seoul"},' +
      '"note":"é \\"q\\"","title":"Patch the VPN gateway"},' +
      '"eventId":"0b5f7f3e-6a43-4d59-9a57-0c9a0f1f2b11",' +
      '"metadata":{"actor":"u-1","correlation_id":"c-1","role":"bureau_head"},' +
      '"recordedAt":"2025-06-01T09:30:00.120Z","schemaVersion":1,' +
      '"streamId":"follow-up-1","type":"FollowUpAssigned"}',
    hash: 'b558c73053de74188f1fa8b4b72ab3fc2fa6293c12d3a990bc3c65fd09a4aa3b',
  },
  {
    event: {
      streamId: 'follow-up-1',
      eventId: '6f1d2c3b-4a59-4e68-8d7c-9b0a1f2e3d4c',
      type: 'FollowUpAcknowledged',
      schemaVersion: 2,
      data: { by: 'u-7', tags: ['ai', '한글'] },
      metadata: {
        role: 'agency_officer',
        actor: 'u-7',
        agency: 'KISA',
        correlation_id: 'c-2',
        causation_id: '0b5f7f3e-6a43-4d59-9a57-0c9a0f1f2b11',
      },
      recordedAt: new Date('2025-06-01T09:31:05.007Z'),
    },
    body:
      '{"data":{"by":"u-7","tags":["ai","한글"]},' +
      '"eventId":"6f1d2c3b-4a59-4e68-8d7c-9b0a1f2e3d4c",' +
      '"metadata":{"actor":"u-7","agency":"KISA","causation_id":"0b5f7f3e-6a43-4d59-9a57-0c9a0f1f2b11",' +
      '"correlation_id":"c-2","role":"agency_officer"},' +
      '"recordedAt":"2025-06-01T09:31:05.007Z","schemaVersion":2,' +
      '"streamId":"follow-up-1","type":"FollowUpAcknowledged"}',
    hash: 'cec38dbc9856c0843030abd2b73cd1f51ccc5e31d7f9be22c804646b1f28fb2c',
  },
];
