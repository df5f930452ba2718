/**
 * Small helpers shared by the benchmarks in bench/: timing, medians, interleaved comparison of
 * a candidate against a baseline, machine facts and output. Results go to stdout as one JSON
 * object; progress goes to stderr so the JSON stays machine-readable.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';

/** Progress line on stderr (never stdout: stdout carries only the JSON result). */
export function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** The single JSON result on stdout. */
export function printJson(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds to a fixed number of significant digits, for readable JSON. */
export function round(value: number, digits = 4): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

export interface RateSample {
  /** Units of work done (events appended, rows read, …). */
  units: number;
  /** Operations performed (statements, appends, pages, …). */
  ops: number;
  elapsedMs: number;
  perSecond: number;
  /** CPU time of this process over the sample (user + system, µs): robust to a loaded machine. */
  cpuUs: number;
}

/** CPU time of this process since `start` (user + system, µs). */
export function cpuUsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return user + system;
}

/**
 * Runs `concurrency` workers, each calling `op` back to back until `durationMs` has passed, and
 * measures the throughput. `op` returns the units of work it did. The elapsed time runs until
 * the last in-flight operation finishes, so nothing is counted that was not waited for.
 */
export async function runForDuration(
  durationMs: number,
  concurrency: number,
  op: (worker: number, iteration: number) => Promise<number>,
): Promise<RateSample> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const deadline = start + durationMs;
  let units = 0;
  let ops = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = 0; performance.now() < deadline; i++) {
        // Not `units += await op()`: that reads `units` before the await and loses the other
        // workers' updates made meanwhile.
        const done = await op(worker, i);
        units += done;
        ops++;
      }
    }),
  );
  const elapsedMs = performance.now() - start;
  return { units, ops, elapsedMs, perSecond: (units / elapsedMs) * 1000, cpuUs: cpuUsSince(cpu) };
}

/** Times one run of `work`, which returns the units it did. */
export async function runOnce(work: () => Promise<{ units: number; ops: number }>) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const { units, ops } = await work();
  const elapsedMs = performance.now() - start;
  return { units, ops, elapsedMs, perSecond: (units / elapsedMs) * 1000, cpuUs: cpuUsSince(cpu) };
}

/**
 * Measures several contenders in the same process, interleaved: every round runs each contender
 * once, and the order flips every round (A B, B A, A B, …) so drift on a shared, noisy machine
 * hits both sides alike. Returns the samples per contender, in round order.
 */
export async function interleave<K extends string>(
  label: string,
  rounds: number,
  contenders: Record<K, () => Promise<RateSample>>,
): Promise<Record<K, RateSample[]>> {
  const names = Object.keys(contenders) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as RateSample[]])) as Record<
    K,
    RateSample[]
  >;
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const sample = await contenders[name]();
      samples[name].push(sample);
      log(`${label} round ${r + 1}/${rounds} ${name}: ${Math.round(sample.perSecond)}/s`);
    }
  }
  return samples;
}

export interface Comparison {
  store_per_s: number;
  baseline_per_s: number;
  /** Median of the per-round store/baseline ratios (each round measures both back to back). */
  ratio: number;
  /** median(store) / median(baseline), for reference. */
  ratio_of_medians: number;
  target: number | null;
  meets_target: boolean | null;
  rounds: { store_per_s: number[]; baseline_per_s: number[] };
}

/** Summarises paired samples of a candidate ("store") against its baseline. */
export function compare(
  store: RateSample[],
  baseline: RateSample[],
  target: number | null,
): Comparison {
  const storeRates = store.map((s) => s.perSecond);
  const baselineRates = baseline.map((s) => s.perSecond);
  const ratio = median(storeRates.map((s, i) => s / baselineRates[i]));
  return {
    store_per_s: round(median(storeRates)),
    baseline_per_s: round(median(baselineRates)),
    ratio: round(ratio, 3),
    ratio_of_medians: round(median(storeRates) / median(baselineRates), 3),
    target,
    meets_target: target === null ? null : ratio >= target,
    rounds: {
      store_per_s: storeRates.map((r) => round(r)),
      baseline_per_s: baselineRates.map((r) => round(r)),
    },
  };
}

/** Facts about the machine the numbers were measured on. */
export function machineInfo(): Record<string, unknown> {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    available_parallelism: os.availableParallelism(),
    cpu_model: cpus[0]?.model ?? 'unknown',
    total_mem_mb: Math.round(os.totalmem() / 2 ** 20),
    node_version: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadavg_at_start: os.loadavg().map((l) => round(l, 3)),
  };
}
