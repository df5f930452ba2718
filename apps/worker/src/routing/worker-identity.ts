import { hostname } from 'node:os';

/** Names this process in the ledger (processed_by) and in BullMQ (a worker's name). */
export const WORKER_NAME = `${hostname()}-${process.pid}`;
