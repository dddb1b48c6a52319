// The demo's service: a small HTTP key-value store with durable state (an append-only log, fsynced per write).
// GET /kv/<key>, PUT /kv/<key> (body = value), GET /health. Usage: node server.mjs --port 0 --data DIR
// Prints "listening <port>" once ready.
import { appendFileSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const dataDir = arg('data', '.tmp/demo-data');
const delayMs = Number(arg('delay-ms', '0'));
mkdirSync(dataDir, { recursive: true });
const logFile = path.join(dataDir, 'kv.log');
const store = new Map();
if (existsSync(logFile)) {
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    if (!line) continue;
    const { k, v } = JSON.parse(line);
    store.set(k, v);
  }
}
const fd = openSync(logFile, 'a');

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/health') return res.end('ok');
  const key = url.pathname.startsWith('/kv/') ? decodeURIComponent(url.pathname.slice(4)) : '';
  if (!key) {
    res.statusCode = 404;
    return res.end();
  }
  const answer = (fn) => (delayMs > 0 ? setTimeout(fn, delayMs) : fn());
  if (req.method === 'PUT') {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const v = Buffer.concat(chunks).toString('utf8');
      appendFileSync(fd, `${JSON.stringify({ k: key, v })}\n`);
      fsyncSync(fd);
      store.set(key, v);
      answer(() => res.end('stored'));
    });
    return;
  }
  const v = store.get(key);
  answer(() => {
    res.statusCode = v === undefined ? 404 : 200;
    res.end(v ?? '');
  });
});
server.listen(Number(arg('port', '0')), '127.0.0.1', () => {
  const addr = server.address();
  console.log(`listening ${typeof addr === 'object' && addr ? addr.port : ''}`);
});
const stop = () => server.close(() => { closeSync(fd); process.exit(0); });
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
