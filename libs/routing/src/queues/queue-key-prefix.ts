/**
 * BullMQ's key prefix for one queue. A Redis Cluster runs a script only on keys of one slot, and
 * BullMQ's scripts touch many keys of a queue at once: the hash tag `{…}` puts all of a queue's
 * keys in one slot, and with the queue's name in the tag, different queues in different slots,
 * so the agency queues spread over the nodes. A single Redis (or Sentinel) keeps the plain
 * prefix: tagging it there too would strand the jobs an existing deployment already holds.
 */
export function queueKeyPrefix(prefix: string, queue: string, clustered: boolean): string {
  return clustered ? `{${prefix}:${queue}}` : prefix;
}

/** A SCAN pattern for every key of every queue under `prefix`. */
export function queueKeyPattern(prefix: string, clustered: boolean): string {
  return clustered ? `{${prefix}:*` : `${prefix}:*`;
}

/** Whether a connection is to a Redis Cluster (ioredis marks its Cluster client). */
export function isClustered(connection: object): boolean {
  return (connection as { isCluster?: boolean }).isCluster === true;
}
