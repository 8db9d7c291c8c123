/**
 * A small HTTP load generator run as a child process, so the load does not share the server's event
 * loop. Input (argv[2], JSON): { url, method, headers, bodies?: string[], connections, durationMs }.
 * Output (stdout, JSON): { requests, errors, statuses, rps, p50, p99 }.
 */
import http from 'node:http';

interface Job {
  url: string;
  method: string;
  headers: Record<string, string>;
  bodies?: string[];
  /** When set, each request uses the next path in turn (e.g. one record per transition). */
  paths?: string[];
  connections: number;
  durationMs: number;
}

const job = JSON.parse(process.argv[2]!) as Job;
const agent = new http.Agent({ keepAlive: true, maxSockets: job.connections });
const latencies: number[] = [];
const statuses: Record<string, number> = {};
let errors = 0;
let next = 0;
const end = Date.now() + job.durationMs;

const once = (): Promise<void> =>
  new Promise((resolve) => {
    const i = next++;
    const url = new URL(job.paths ? job.paths[i % job.paths.length]! : job.url, job.url);
    const body = job.bodies ? job.bodies[i % job.bodies.length] : undefined;
    const started = process.hrtime.bigint();
    const req = http.request(url, { method: job.method, headers: job.headers, agent }, (res) => {
      res.resume();
      res.on('end', () => {
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
        resolve();
      });
    });
    req.on('error', () => {
      errors += 1;
      resolve();
    });
    if (body) req.write(body);
    req.end();
  });

const worker = async () => {
  while (Date.now() < end && (!job.paths || next < job.paths.length)) await once();
};

const t0 = Date.now();
await Promise.all(Array.from({ length: job.connections }, worker));
const seconds = (Date.now() - t0) / 1000;
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
agent.destroy();
process.stdout.write(JSON.stringify({ requests: latencies.length, errors, statuses, rps: latencies.length / seconds, p50: pct(0.5), p99: pct(0.99) }));
