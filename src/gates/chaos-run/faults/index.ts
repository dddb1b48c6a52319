/** Every fault type chaos-run knows, by the `type` an experiment names. */
import { CLOCK_FAULTS } from './clock-skew.js';
import { DISK_FAULTS } from './disk.js';
import { GPU_FAULTS } from './gpu.js';
import { NETWORK_FAULTS } from './network.js';
import { PROCESS_FAULTS } from './process.js';
import { PROXY_FAULTS } from './proxy.js';
import { STRESS_FAULTS } from './stress.js';
import type { Fault } from './types.js';

export const FAULTS: ReadonlyMap<string, Fault> = new Map<string, Fault>([
  ...PROCESS_FAULTS,
  ...STRESS_FAULTS,
  ...CLOCK_FAULTS,
  ...PROXY_FAULTS,
  ...NETWORK_FAULTS,
  ...DISK_FAULTS,
  ...GPU_FAULTS,
]);

