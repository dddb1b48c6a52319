import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { appendEntry, chooseBaseline, emptyHistory, type BaselineEntry } from '../../src/core/baseline/history.js';
import { fingerprintOf } from '../../src/core/baseline/fingerprint.js';
import { RepoBaselineStore } from '../../src/core/baseline/store.js';
import { ConfigurationError } from '../../src/core/errors.js';

const entry = (fingerprint: string, value: number): BaselineEntry<{ value: number }> => ({
  createdAt: new Date(2026, 0, value).toISOString(),
  fingerprint,
  runner: { os: 'debian 12', arch: 'x64' },
  git: {},
  data: { value },
});

describe('baseline history', () => {
  test('keeps the last N entries, oldest first', () => {
    let h = emptyHistory<{ value: number }>('perf-gate', 'suite');
    for (let i = 1; i <= 7; i++) h = appendEntry(h, entry('A', i), 3);
    assert.deepEqual(h.entries.map((e) => e.data.value), [5, 6, 7]);
  });
  test('rejects a history size below 1', () => {
    assert.throws(() => appendEntry(emptyHistory('perf-gate', 's'), entry('A', 1), 0), RangeError);
  });
  test('prefers the newest entry of the same hardware', () => {
    const h = { ...emptyHistory<{ value: number }>('perf-gate', 's'), entries: [entry('A', 1), entry('B', 2), entry('A', 3), entry('B', 4)] };
    const c = chooseBaseline(h, 'A');
    assert.equal(c.entry?.data.value, 3);
    assert.equal(c.otherHardware, undefined);
    assert.deepEqual(c.sameHardware.map((e) => e.data.value), [1, 3]);
  });
  test('flags a baseline that exists only on other hardware instead of comparing it', () => {
    const h = { ...emptyHistory<{ value: number }>('perf-gate', 's'), entries: [entry('B', 1), entry('B', 2)] };
    const c = chooseBaseline(h, 'A');
    assert.equal(c.entry, undefined);
    assert.equal(c.otherHardware?.data.value, 2);
  });
  test('no history: nothing to compare', () => {
    assert.deepEqual(chooseBaseline(undefined, 'A'), { sameHardware: [] });
  });
});

describe('runner fingerprint', () => {
  const gpu = { name: 'NVIDIA H100', driver: '550.54', cuda: '12.4' };
  const facts = { os: 'debian 12', arch: 'x64', cpuModel: 'AMD EPYC', gpus: [gpu] };
  test('stable for the same facts, GPU order ignored', () => {
    const two = { ...facts, gpus: [{ name: 'NVIDIA A10' }, ...facts.gpus] };
    const swapped = { ...facts, gpus: [...facts.gpus, { name: 'NVIDIA A10' }] };
    assert.equal(fingerprintOf(two), fingerprintOf(swapped));
    assert.match(fingerprintOf(facts), /^[0-9a-f]{16}$/);
  });
  const changes: [string, Partial<typeof facts>][] = [
    ['GPU model', { gpus: [{ ...gpu, name: 'NVIDIA A100' }] }],
    ['driver', { gpus: [{ ...gpu, driver: '560.1' }] }],
    ['CUDA', { gpus: [{ ...gpu, cuda: '12.6' }] }],
    ['CPU model', { cpuModel: 'Intel Xeon' }],
    ['OS', { os: 'ubuntu 24.04' }],
  ];
  for (const [what, change] of changes) {
    test(`changes with the ${what}`, () => assert.notEqual(fingerprintOf({ ...facts, ...change }), fingerprintOf(facts)));
  }
});

describe('repo baseline store', () => {
  test('round trip under baselines/<suite>.json for perf-gate, baselines/<gate>/<suite>.json for the others', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sg-base-'));
    const store = new RepoBaselineStore(root);
    assert.deepEqual(await store.load('perf-gate', 'gpu suite'), {});
    const h = appendEntry(emptyHistory<{ value: number }>('perf-gate', 'gpu suite'), entry('A', 1));
    const { location } = await store.save(h);
    assert.equal(location, path.join(root, 'baselines', 'gpu_suite.json'));
    const back = await store.load<{ value: number }>('perf-gate', 'gpu suite');
    assert.deepEqual(back.history, h);
    assert.equal(back.source, 'baselines/gpu_suite.json');
    assert.deepEqual(JSON.parse(await readFile(location, 'utf8')), h);
    const m = appendEntry(emptyHistory<{ value: number }>('model-validate', 'gpu suite'), entry('A', 2));
    assert.equal((await store.save(m)).location, path.join(root, 'baselines', 'model-validate', 'gpu_suite.json'));
    assert.equal((await store.load('model-validate', 'gpu suite')).source, 'baselines/model-validate/gpu_suite.json');
  });
  test('a file that holds another gate\'s or suite\'s baseline is an error, not a mix-up', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sg-base-'));
    await mkdir(path.join(root, 'baselines'), { recursive: true });
    await writeFile(path.join(root, 'baselines', 'y.json'), JSON.stringify(appendEntry(emptyHistory<{ value: number }>('perf-gate', 'other'), entry('A', 1))));
    await assert.rejects(new RepoBaselineStore(root).load('perf-gate', 'y'), (e: unknown) => e instanceof ConfigurationError && /baselines\/y\.json: holds the baseline of perf-gate suite "other"/.test(e.message));
  });
  test('a corrupt baseline file is a configuration error naming the file', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'sg-base-'));
    await mkdir(path.join(root, 'baselines'), { recursive: true });
    await writeFile(path.join(root, 'baselines', 'x.json'), '{"schemaVersion": 1, "entries": [');
    await assert.rejects(new RepoBaselineStore(root).load('perf-gate', 'x'), (e: unknown) => e instanceof ConfigurationError && /baselines\/x\.json: not valid JSON/.test(e.message));
  });
});

describe('GPU facts from nvidia-smi', () => {
  // A stand-in nvidia-smi that prints what the real one prints for these queries (this machine has no GPU).
  test('parses GPU model, driver, memory and the CUDA version', async () => {
    const { nvidiaGpus } = await import('../../src/core/baseline/fingerprint.js');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sg-smi-'));
    const smi = path.join(dir, 'nvidia-smi');
    await writeFile(
      smi,
      `#!/bin/sh
if [ "$1" = "--query-gpu=name,driver_version,memory.total" ]; then
  echo "NVIDIA H100 80GB HBM3, 550.54.15, 81559"
  echo "NVIDIA H100 80GB HBM3, 550.54.15, 81559"
  exit 0
fi
echo "| NVIDIA-SMI 550.54.15              Driver Version: 550.54.15      CUDA Version: 12.4     |"
`,
      { mode: 0o755 },
    );
    const { gpus, note } = await nvidiaGpus(smi);
    assert.equal(note, undefined);
    assert.deepEqual(gpus, [
      { name: 'NVIDIA H100 80GB HBM3', driver: '550.54.15', cuda: '12.4', memoryMiB: 81559 },
      { name: 'NVIDIA H100 80GB HBM3', driver: '550.54.15', cuda: '12.4', memoryMiB: 81559 },
    ]);
  });
  test('no nvidia-smi is recorded as such, not an error', async () => {
    const { nvidiaGpus } = await import('../../src/core/baseline/fingerprint.js');
    assert.deepEqual(await nvidiaGpus('/nonexistent/nvidia-smi'), { gpus: [], note: 'no nvidia-smi on this runner' });
  });
  test('a failing nvidia-smi (driver not loaded) is a note', async () => {
    const { nvidiaGpus } = await import('../../src/core/baseline/fingerprint.js');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sg-smi-'));
    const smi = path.join(dir, 'nvidia-smi');
    await writeFile(smi, '#!/bin/sh\necho "NVIDIA-SMI has failed because it could not communicate with the NVIDIA driver."\nexit 9\n', { mode: 0o755 });
    const r = await nvidiaGpus(smi);
    assert.deepEqual(r.gpus, []);
    assert.match(r.note ?? '', /exit 9.*could not communicate/);
  });
});
