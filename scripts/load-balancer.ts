// Pure pieces of `npm run serve` (scripts/serve-cluster.ts): how many workers, and the HAProxy
// configuration for them, rendered from the template kept in the repository (deploy/haproxy.cfg).

export class WorkerCountError extends Error {}

/** WEB_CONCURRENCY as given, else one worker per core; at least 1, at most 64. */
export function workerCount(value: string | undefined, cores: number): number {
  if (value === undefined || value.trim() === "") return Math.max(1, Math.min(64, cores));
  if (!/^\d+$/.test(value.trim())) {
    throw new WorkerCountError(`WEB_CONCURRENCY doit être un nombre entier de processus (reçu « ${value} »).`);
  }
  const count = Number(value);
  if (count < 1 || count > 64) throw new WorkerCountError(`WEB_CONCURRENCY doit être compris entre 1 et 64.`);
  return count;
}

export type LoadBalancerConfig = {
  /** Where clients connect: host and port. */
  host: string;
  port: number;
  /** The workers, all on the loopback interface. */
  workerPorts: readonly number[];
  /**
   * Adds `X-Pix-Instance: appN` to every response, so a test can see which worker answered.
   * Off in production: it tells outsiders nothing useful, and nothing should depend on it.
   */
  instanceHeader: boolean;
};

export function workerName(index: number): string {
  return `app${index + 1}`;
}

export function renderHaproxyConfig(template: string, config: LoadBalancerConfig): string {
  const bind = config.host.includes(":") ? `[${config.host}]:${config.port}` : `${config.host}:${config.port}`;
  const servers = config.workerPorts
    .map((port, index) => `    server ${workerName(index)} 127.0.0.1:${port}`)
    .join("\n");
  const instanceHeader = config.instanceHeader ? "    http-response set-header X-Pix-Instance %[srv_name]" : "";
  const rendered = template
    .replace("{{BIND}}", bind)
    .replace("{{SERVERS}}", servers)
    .replace("{{INSTANCE_HEADER}}", instanceHeader);
  const left = rendered.match(/\{\{[A-Z_]+\}\}/);
  if (left) throw new Error(`deploy/haproxy.cfg : ${left[0]} n'est pas rempli`);
  return rendered;
}
