// The demo's load generator: a bounded number of PUT/GET requests against a loopback URL with a fixed
// concurrency; writes one latency (ms) per line. Usage: node load.mjs --url http://127.0.0.1:PORT --requests N
//   --concurrency C --out FILE
import { writeFileSync } from 'node:fs';
import http from 'node:http';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const base = new URL(arg('url', 'http://127.0.0.1:8080'));
if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) throw new Error('the demo load only targets loopback');
const total = Number(arg('requests', '2000'));
const concurrency = Number(arg('concurrency', '8'));
const out = arg('out', 'latency.txt');
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });

function request(i) {
  const put = i % 4 === 0;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(`/kv/key-${i % 500}`, base), { method: put ? 'PUT' : 'GET', agent }, (res) => {
      res.resume();
      res.on('end', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
    });
    req.on('error', reject);
    req.end(put ? `value-${i}` : undefined);
  });
}

const latencies = new Float64Array(total);
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const i = next++;
      latencies[i] = await request(i);
    }
  }),
);
agent.destroy();
writeFileSync(out, `${Array.from(latencies, (x) => x.toFixed(4)).join('\n')}\n`);
