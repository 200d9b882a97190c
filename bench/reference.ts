// The same run's reference for the web benchmarks: this machine is shared and noisy, so a figure
// means something only beside what the same server does, at the same moment and concurrency,
// for the least a request can cost — `GET /api/health`, one `SELECT 1` through the app's stack.

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export type Reference = { requestsPerSecond: number; p50Ms: number; p95Ms: number; count: number };

/** `concurrency` clients, each sending `perClient` requests to /api/health one after the other. */
export async function measureReference(base: string, concurrency: number, perClient = 10): Promise<Reference> {
  const durations: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let index = 0; index < perClient; index += 1) {
        const sent = performance.now();
        const response = await fetch(`${base}/api/health`, { cache: "no-store" });
        await response.arrayBuffer();
        if (!response.ok) throw new Error(`/api/health: HTTP ${response.status}`);
        durations.push(performance.now() - sent);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return {
    requestsPerSecond: durations.length / seconds,
    p50Ms: percentile(durations, 50),
    p95Ms: percentile(durations, 95),
    count: durations.length,
  };
}

export function describeReference(reference: Reference, concurrency: number): string {
  return (
    `Référence du même passage (GET /api/health = un SELECT 1, ${concurrency} clients en parallèle, ` +
    `${reference.count} requêtes) : ${reference.requestsPerSecond.toFixed(0)} req/s, ` +
    `p50 ${reference.p50Ms.toFixed(1)} ms, p95 ${reference.p95Ms.toFixed(1)} ms`
  );
}

/** "× 4.2 la référence": how many times the reference a figure is (a ratio, comparable across runs). */
export const times = (value: number, reference: number): string => `× ${(value / reference).toFixed(1)}`;
