/** The drill's printout: the faults with their recovery, the invariants, and the verdict line. */
import { renderTable } from '../demo/board-table';
import { CommandRecord, errorCode } from './command-client';
import { InvariantResult } from './invariants/invariant';
import { FaultRecovery } from './recovery';

const secs = (ms?: number) => (ms === undefined ? 'never' : `${(ms / 1000).toFixed(1)} s`);

export function faultTable(rows: readonly FaultRecovery[], drillStart: number): string {
  return renderTable(
    [
      'fault',
      'at',
      'down',
      'API 2xx after',
      'routing < 1 s after',
      'worst routing lag',
      'failed tries',
      'slowest try',
      'assigned',
    ],
    rows.map((r) => [
      r.error ? `${r.target} (${r.error})` : r.target,
      secs(r.startedAt - drillStart),
      secs(r.restoredAt - r.startedAt),
      secs(r.apiMs),
      secs(r.routingMs),
      secs(r.worstLagMs),
      String(r.failedAttempts),
      secs(r.slowestMs),
      String(r.assignments),
    ]),
  );
}

/** Commands by final answer, and the refusals by status and code. */
export function trafficSummary(commands: readonly CommandRecord[], elapsedMs: number): string {
  const counts = new Map<string, number>();
  let retried = 0;
  for (const c of commands) {
    if (c.attempts > 1) retried++;
    const what =
      c.outcome === 'refused'
        ? `${c.final!.status} ${errorCode(c.final!.body) ?? ''}`.trim()
        : c.outcome;
    counts.set(what, (counts.get(what) ?? 0) + 1);
  }
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
  const rate = (commands.length / (elapsedMs / 1000)).toFixed(1);
  return `${commands.length} commands (${rate}/s), ${retried} retried: ${parts.join(', ')}`;
}

export function invariantTable(results: readonly InvariantResult[]): string {
  return renderTable(
    ['invariant', 'checked', 'violations', 'result', 'note'],
    results.map((r) => [
      r.name,
      String(r.checked),
      String(r.violations),
      r.violations === 0 ? 'pass' : 'FAIL',
      r.note ?? '',
    ]),
  );
}

export function examples(results: readonly InvariantResult[]): string {
  return results
    .filter((r) => r.examples.length > 0)
    .map((r) => `${r.name}:\n${r.examples.map((e) => `  - ${e}`).join('\n')}`)
    .join('\n');
}

/** The last line of the output, alone, for people and scripts. */
export function verdict(results: readonly InvariantResult[]): { line: string; failed: number } {
  const failed = results.filter((r) => r.violations > 0).length;
  return { line: `${results.length - failed} passed, ${failed} failed`, failed };
}
