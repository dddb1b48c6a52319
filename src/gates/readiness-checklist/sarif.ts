import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ItemResult, Priority } from './types.js';

/**
 * SARIF 2.1.0 for readiness-checklist (results.sarif, for GitHub code scanning): one rule per checklist item, one
 * result per item that fails, is inconclusive or is waived, located at the item's line in the checklist file.
 */

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
export const SARIF_TOOL_NAME = 'shipgate readiness-checklist';
const INFORMATION_URI = 'https://github.com/shipgate/shipgate';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVEL_BY_PRIORITY: Record<Priority, SarifLevel> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };

/**
 * A failing item's level by priority; an inconclusive one is a warning whatever its priority (a waived item: by what
 * its checks said; a failing one stays by priority even when its checks were inconclusive, e.g. an expired waiver).
 */
function levelOf(item: ItemResult): SarifLevel {
  const inconclusive = item.status === 'inconclusive' || (item.status === 'waived' && item.checkStatus === 'inconclusive');
  return inconclusive ? 'warning' : LEVEL_BY_PRIORITY[item.priority];
}

/** The checklist path as a SARIF URI: relative to the repository root (`%SRCROOT%`), or a file: URI when absolute. */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  const segments = file.split(/[\\/]+/).filter((s) => s !== '' && s !== '.');
  return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function messageText(item: ItemResult): string {
  const reason = item.reason?.trim();
  if (reason !== undefined && reason !== '') return reason;
  return `${item.title}: ${item.status}`;
}

/**
 * The SARIF log. Results: `fail` and `inconclusive` items, with level error (critical, high), warning (medium) or
 * note (low) — inconclusive is always warning; `waived` items as results carrying an external suppression whose
 * justification is the reason. Passing items only appear as rules.
 */
export function toSarif(items: ItemResult[], checklistFile: string, toolVersion: string): object {
  const ruleIndex = new Map<string, number>();
  const rules: object[] = [];
  for (const item of items) {
    if (ruleIndex.has(item.id)) continue;
    ruleIndex.set(item.id, rules.length);
    rules.push({
      id: item.id,
      name: item.id,
      shortDescription: { text: item.title },
      defaultConfiguration: { level: LEVEL_BY_PRIORITY[item.priority] },
      properties: {
        priority: item.priority,
        section: item.section,
        ...(item.level === undefined ? {} : { level: item.level }),
        ...(item.owner === undefined ? {} : { owner: item.owner }),
        tags: ['readiness', item.priority],
      },
    });
  }

  const location = artifactLocation(checklistFile);
  const results = items
    .filter((item) => item.status === 'fail' || item.status === 'inconclusive' || item.status === 'waived')
    .map((item) => {
      const text = messageText(item);
      return {
        ruleId: item.id,
        ruleIndex: ruleIndex.get(item.id),
        level: levelOf(item),
        message: { text },
        locations: [
          {
            physicalLocation: {
              artifactLocation: location,
              ...(Number.isInteger(item.line) && item.line >= 1 ? { region: { startLine: item.line } } : {}),
            },
          },
        ],
        ...(item.status === 'waived' ? { suppressions: [{ kind: 'external', justification: text }] } : {}),
        properties: { status: item.status, checkStatus: item.checkStatus },
      };
    });

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: SARIF_TOOL_NAME, informationUri: INFORMATION_URI, version: toolVersion, rules } },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}
