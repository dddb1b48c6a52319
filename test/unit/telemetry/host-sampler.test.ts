import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, describe, test } from 'node:test';
import { HostSampler, parseStat, parseStatBytes, valueOf, valueOfBytes } from '../../../src/core/telemetry/host-sampler.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'host-sampler-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

interface FakeProc {
  cpu: [user: number, system: number, idle: number, iowait: number][];
  memAvailableKiB: number;
  pswpin: number;
  pswpout: number;
  sdaSectors: [number, number];
  sda1Sectors: [number, number];
  eth0: [number, number];
  lo: [number, number];
  docker0?: [number, number];
}

function writeProc(dir: string, p: FakeProc): void {
  mkdirSync(path.join(dir, 'net'), { recursive: true });
  const cpuLine = (label: string, [u, s, i, w]: [number, number, number, number]) => `${label} ${u} 0 ${s} ${i} ${w} 0 0 0 0 0`;
  const sum = p.cpu.reduce<[number, number, number, number]>((a, c) => [a[0] + c[0], a[1] + c[1], a[2] + c[2], a[3] + c[3]], [0, 0, 0, 0]);
  writeFileSync(path.join(dir, 'stat'), [cpuLine('cpu ', sum), ...p.cpu.map((c, i) => cpuLine(`cpu${i}`, c)), 'intr 12345 0', 'ctxt 999', ''].join('\n'));
  writeFileSync(path.join(dir, 'meminfo'), `MemTotal:       16384000 kB\nMemFree:         1000000 kB\nMemAvailable:   ${p.memAvailableKiB} kB\nSwapTotal:             0 kB\n`);
  writeFileSync(path.join(dir, 'vmstat'), `nr_free_pages 1\npswpin ${p.pswpin}\npswpout ${p.pswpout}\npgfault 7\n`);
  const disk = (maj: number, min: number, name: string, [r, w]: [number, number]) => `${String(maj).padStart(4)} ${String(min).padStart(7)} ${name} 10 0 ${r} 3 5 0 ${w} 4 0 7 7 0 0 0 0 0 0`;
  writeFileSync(
    path.join(dir, 'diskstats'),
    [disk(7, 0, 'loop0', [p.sdaSectors[0] * 3, 0]), disk(8, 0, 'sda', p.sdaSectors), disk(8, 1, 'sda1', p.sda1Sectors), ''].join('\n'),
  );
  const net = (name: string, [rx, tx]: [number, number]) => `${name.padStart(6)}: ${rx} 10 0 0 0 0 0 0 ${tx} 10 0 0 0 0 0 0`;
  writeFileSync(
    path.join(dir, 'net', 'dev'),
    [
      'Inter-|   Receive                                                |  Transmit',
      ' face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed',
      net('lo', p.lo),
      net('eth0', p.eth0),
      ...(p.docker0 ? [net('docker0', p.docker0)] : []),
      '',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'loadavg'), '1.50 1.00 0.50 2/300 1234\n');
}

function fakeSys(dir: string): void {
  mkdirSync(path.join(dir, 'devices', 'pci0000:00', 'block', 'sda'), { recursive: true });
  mkdirSync(path.join(dir, 'devices', 'virtual', 'block', 'loop0'), { recursive: true });
  mkdirSync(path.join(dir, 'block'), { recursive: true });
  symlinkSync('../devices/pci0000:00/block/sda', path.join(dir, 'block', 'sda'));
  symlinkSync('../devices/virtual/block/loop0', path.join(dir, 'block', 'loop0'));
}

describe('host sampler on a prepared procfs', () => {
  const proc = path.join(tmp, 'proc');
  const sys = path.join(tmp, 'sys');
  const first: FakeProc = {
    cpu: [
      [50, 25, 400, 25],
      [50, 25, 400, 25],
    ],
    memAvailableKiB: 4096000,
    pswpin: 10,
    pswpout: 5,
    sdaSectors: [1000, 100],
    sda1Sectors: [500, 50],
    eth0: [1000, 200],
    lo: [10, 10],
  };

  test('computes exact rates from counter deltas, whole disks only, without lo', () => {
    writeProc(proc, first);
    fakeSys(sys);
    const s = new HostSampler({ procRoot: proc, sysRoot: sys, perCore: true });
    try {
      assert.equal(s.available, true);
      assert.equal(s.reason, undefined);
      // At least a millisecond after the constructor's reading: no time elapsed would be no rate at all.
      const t = Date.now() + 1;
      const unchanged = s.sample(t);
      assert.ok(unchanged);
      assert.equal(unchanged.cpuUtilization, null, 'no CPU time elapsed: no utilisation');
      assert.equal(unchanged.diskReadBytesPerSec, 0);

      writeProc(proc, {
        ...first,
        // cpu0 ran busy for 200 ticks, cpu1 idled for 100
        cpu: [
          [200, 75, 400, 25],
          [50, 25, 500, 25],
        ],
        memAvailableKiB: 4096000,
        pswpin: 30,
        sdaSectors: [3000, 1100],
        sda1Sectors: [900_000, 900_000],
        eth0: [5000, 1200],
        lo: [10_000_000, 10_000_000],
        docker0: [999_999, 999_999],
      });
      const row = s.sample(t + 2000);
      assert.ok(row);
      assert.ok(Math.abs((row.cpuUtilization ?? NaN) - 200 / 3) < 1e-9, String(row.cpuUtilization));
      assert.deepEqual(row.cpuCores, [100, 0]);
      assert.equal(row.memoryUsedMiB, (16384000 - 4096000) / 1024);
      assert.equal(row.memoryAvailableMiB, 4000);
      assert.equal(row.swapInPerSec, 10);
      assert.equal(row.swapOutPerSec, 0);
      assert.equal(row.diskReadBytesPerSec, (2000 * 512) / 2);
      assert.equal(row.diskWriteBytesPerSec, (1000 * 512) / 2);
      assert.equal(row.netRxBytesPerSec, 2000, 'lo and a device that appeared meanwhile are not counted');
      assert.equal(row.netTxBytesPerSec, 500);
      assert.deepEqual([row.load1, row.load5, row.load15], [1.5, 1, 0.5]);

      // counters that went backwards (a re-created interface) never give negative rates
      writeProc(proc, { ...first, eth0: [10, 10] });
      const reset = s.sample(t + 3000);
      assert.ok(reset);
      assert.equal(reset.netRxBytesPerSec, 0);
      assert.equal(reset.diskReadBytesPerSec, 0);
      assert.equal(reset.swapInPerSec, 0);
    } finally {
      s.close();
    }
  });

  test('without sysfs, partitions and virtual devices are told apart by name', () => {
    writeProc(proc, first);
    const s = new HostSampler({ procRoot: proc, sysRoot: path.join(tmp, 'no-sys') });
    try {
      const t = Date.now();
      s.sample(t);
      writeProc(proc, { ...first, sdaSectors: [1000 + 10, 100], sda1Sectors: [1_000_000, 0] });
      assert.equal(s.sample(t + 1000)?.diskReadBytesPerSec, 10 * 512);
    } finally {
      s.close();
    }
  });
});

describe('slow counters read at most every slowCountersMs', () => {
  const proc = path.join(tmp, 'proc-slow');
  const base: FakeProc = {
    cpu: [[100, 0, 900, 0]],
    memAvailableKiB: 4096000,
    pswpin: 0,
    pswpout: 0,
    sdaSectors: [0, 0],
    sda1Sectors: [0, 0],
    eth0: [0, 0],
    lo: [0, 0],
  };

  test('rows in between carry the last rates and say where from; CPU and memory are read every time', () => {
    writeProc(proc, base);
    const s = new HostSampler({ procRoot: proc, sysRoot: path.join(tmp, 'no-sys'), slowCountersMs: 1000 });
    try {
      const t = Date.now() + 1;
      writeProc(proc, { ...base, eth0: [100, 0] });
      const first = s.sample(t);
      assert.ok(first);
      assert.equal(first.carriedFrom, undefined, 'the first sample reads them');
      assert.ok((first.netRxBytesPerSec ?? 0) > 0);

      writeProc(proc, { ...base, cpu: [[200, 0, 900, 0]], memAvailableKiB: 2048000, eth0: [5100, 0], sdaSectors: [10, 0] });
      const carried = s.sample(t + 100);
      assert.ok(carried);
      assert.equal(carried.carriedFrom, t);
      assert.equal(carried.netRxBytesPerSec, first.netRxBytesPerSec, 'the last rate, not one over 100 ms');
      assert.equal(carried.diskReadBytesPerSec, first.diskReadBytesPerSec);
      assert.deepEqual([carried.load1, carried.swapInPerSec], [first.load1, first.swapInPerSec]);
      assert.equal(carried.cpuUtilization, 100, 'CPU is read on every sample');
      assert.equal(carried.memoryAvailableMiB, 2000, 'memory is read on every sample');

      // Half a sample period early still counts as due.
      const fresh = s.sample(t + 960);
      assert.ok(fresh);
      assert.equal(fresh.carriedFrom, undefined);
      assert.equal(fresh.netRxBytesPerSec, 5000 / 0.96, 'the rate over the whole period since the last read');
      assert.equal(fresh.diskReadBytesPerSec, (10 * 512) / 0.96);
    } finally {
      s.close();
    }
  });

  test('slowCountersMs 0 reads everything on every sample', () => {
    writeProc(proc, base);
    const s = new HostSampler({ procRoot: proc, sysRoot: path.join(tmp, 'no-sys'), slowCountersMs: 0 });
    try {
      const t = Date.now() + 1;
      s.sample(t);
      writeProc(proc, { ...base, eth0: [1000, 0] });
      const row = s.sample(t + 100);
      assert.equal(row?.carriedFrom, undefined);
      assert.equal(row?.netRxBytesPerSec, 10_000);
    } finally {
      s.close();
    }
  });

  test('a file that shrinks between reads is read without what the longer one left in the buffer', () => {
    const dir = path.join(tmp, 'proc-shrink');
    writeProc(dir, base);
    const long = `MemTotal:       16384000 kB\n${'Padding:        1 kB\n'.repeat(40)}MemAvailable:   1024000 kB\n`;
    writeFileSync(path.join(dir, 'meminfo'), long);
    const s = new HostSampler({ procRoot: dir, sysRoot: path.join(tmp, 'no-sys') });
    try {
      const t = Date.now() + 1;
      assert.equal(s.sample(t)?.memoryAvailableMiB, 1000);
      writeFileSync(path.join(dir, 'meminfo'), 'MemTotal:       16384000 kB\n');
      const row = s.sample(t + 100);
      assert.equal(row?.memoryAvailableMiB, null, 'MemAvailable is gone, not read from the stale tail');
      assert.equal(row?.memoryUsedMiB, null);
    } finally {
      s.close();
    }
  });
});

describe('parsing procfs bytes', () => {
  test('parseStatBytes agrees with parseStat, aggregate alone or with every core', () => {
    const text = ['cpu  10 1 20 300 4 5 6 7 8 9', 'cpu0 5 1 10 150 2 2 3 3 4 4', 'cpu1 5 0 10 150 2 3 3 4 4 5', 'intr 1 2 3', ''].join('\n');
    const buf = Buffer.from(`${text}cpu9 999 999 999 999 999 999 999 999`, 'latin1');
    for (const perCore of [false, true]) assert.deepEqual(parseStatBytes(buf, text.length, perCore), parseStat(text, perCore));
    assert.deepEqual(parseStatBytes(buf, text.length, false).cpu, { busy: 10 + 1 + 20 + 5 + 6 + 7, total: 353 });
    assert.equal(parseStatBytes(buf, text.length, true).cores.length, 2, 'nothing past the end');
    const real = readFileSync('/proc/stat');
    assert.deepEqual(parseStatBytes(real, real.length, true), parseStat(real.toString('latin1'), true));
  });

  test('valueOfBytes agrees with valueOf: whole keys at the start of a line, within the end', () => {
    const text = 'MemTotal:  100 kB\nXMemFree: 7 kB\nMemFree:    50 kB\npswpin 3\npswpin_x 9\n';
    const buf = Buffer.from(text, 'latin1');
    for (const key of ['MemTotal', 'MemFree', 'pswpin', 'Absent']) {
      assert.equal(valueOfBytes(buf, buf.length, Buffer.from(key)), valueOf(text, key), key);
    }
    assert.equal(valueOfBytes(buf, buf.length, Buffer.from('MemFree')), 50);
    assert.equal(valueOfBytes(buf, text.indexOf('pswpin'), Buffer.from('pswpin')), null, 'past the end');
  });
});

describe('host sampler on this machine', () => {
  test('no procfs: unavailable with the reason', () => {
    const s = new HostSampler({ procRoot: path.join(tmp, 'absent') });
    assert.equal(s.available, false);
    assert.match(s.reason ?? '', /absent.*not readable/);
    assert.equal(s.sample(), null);
    s.close();
  });

  test('real /proc gives sane readings and non-negative rates', async () => {
    const s = new HostSampler({ perCore: true });
    try {
      assert.equal(s.available, true, s.reason);
      await sleep(300);
      const row = s.sample();
      assert.ok(row);
      assert.ok(row.cpuUtilization !== null && row.cpuUtilization >= 0 && row.cpuUtilization <= 100);
      assert.equal(row.cpuCores?.length, os.cpus().length);
      const totalMiB = os.totalmem() / 2 ** 20;
      assert.ok(row.memoryUsedMiB !== null && row.memoryUsedMiB > 0 && row.memoryUsedMiB < totalMiB);
      assert.ok(row.memoryAvailableMiB !== null && Math.abs(row.memoryUsedMiB + row.memoryAvailableMiB - totalMiB) < 1);
      for (const k of ['swapInPerSec', 'swapOutPerSec', 'diskReadBytesPerSec', 'diskWriteBytesPerSec', 'netRxBytesPerSec', 'netTxBytesPerSec'] as const) {
        const v = row[k];
        assert.ok(v !== null && v >= 0 && Number.isFinite(v), `${k}: ${v}`);
      }
      assert.ok(row.load1 !== null && row.load1 >= 0);
    } finally {
      s.close();
    }
  });

  test('a busy child shows up as at least one core of utilisation', async () => {
    const child = spawn(process.execPath, ['-e', 'const end = Date.now() + 5000; while (Date.now() < end);'], { stdio: 'ignore' });
    const s = new HostSampler();
    try {
      await sleep(300);
      s.sample();
      await sleep(1000);
      const row = s.sample();
      assert.ok(row?.cpuUtilization != null);
      const busyCores = (row.cpuUtilization / 100) * os.cpus().length;
      assert.ok(busyCores >= 0.75, `busy cores ${busyCores.toFixed(2)} while one core spins`);
    } finally {
      s.close();
      child.kill('SIGKILL');
    }
  });
});
