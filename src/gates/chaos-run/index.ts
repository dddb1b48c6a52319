import { unavailableGate } from '../../core/unavailable-gate.js';

export const gate = unavailableGate('chaos-run');
