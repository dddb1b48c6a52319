import { errorMessage, isConfigurationError } from '../errors.js';
import type { GateContext } from '../gate.js';
import { reportShell } from '../gate.js';
import type { Report } from '../report/model.js';

/** The report of a gate that could not finish: verdict `error`, with what the user must fix when it is theirs. */
export function errorReport(ctx: GateContext, e: unknown): Report {
  const userError = isConfigurationError(e);
  const message = userError ? e.message : `internal error: ${errorMessage(e)}`;
  return {
    ...reportShell(ctx),
    verdict: 'error',
    summary: userError ? `configuration error: ${e.message.split('\n')[0] ?? ''}` : 'the gate failed with an internal error',
    findings: [
      {
        id: userError ? 'configuration' : 'internal-error',
        title: userError ? 'Configuration error' : 'Internal error',
        severity: 'critical',
        status: 'fail',
        message,
        ...(userError && e.location ? { location: e.location } : {}),
      },
    ],
    details: { error: { kind: userError ? 'configuration' : 'internal', message, ...(userError && e.field ? { field: e.field } : {}) } },
    sections: [{ id: 'error', title: userError ? 'Configuration error' : 'Internal error', importance: 'essential', blocks: [{ type: 'code', text: message }] }],
  };
}
