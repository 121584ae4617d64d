/**
 * Findings as SARIF 2.1.0 (issue 15), the log GitHub code scanning reads (`github/codeql-action/upload-sarif`):
 * one run whose driver lists every rule with its help, one result per finding at the file and line of the
 * element's `<name>` (lines.ts). Pure: the CLI gives it the files' paths, their line tables and the findings.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { FlowLines } from './lines';
import type { ChecksConfig, Finding, Rule } from './types';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export interface SarifFlow {
  /** The flow's API name (for the logical location and the fingerprint). */
  name: string;
  /** The file's path from the repository root (`/` or `\` between folders), or a `file:///…` URL taken as it is. */
  file: string;
  lines: FlowLines;
  findings: readonly Finding[];
  /**
   * The flow's path inside the archive `file` names (a zip's entry): the result then points at the archive
   * itself, a file the repository can have, at line 1 (a zip has no lines), and its message says the entry
   * and the line there. A path into a zip is no file GitHub can open.
   */
  inside?: string;
}

export interface SarifOptions {
  rules: readonly Rule[];
  /** Flowscope's version (`tool.driver.version`). */
  version: string;
  /** Where to read about the tool (`tool.driver.informationUri`): the team's Flowscope site; absent, left out. */
  informationUri?: string;
  /** The configuration the findings were made with: a rule switched off is listed as not enabled, with its level. */
  config?: ChecksConfig;
}

/** A path as a relative URI reference: forward slashes, each segment percent-encoded (a space, `#`, `%`). */
export function fileUri(file: string): string {
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(file)) return file;
  return file
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
}

/** The graph numbers a repeated API name `Name~2`, `Name~3`…: which occurrence of the name a node is. */
function occurrence(f: Finding): number {
  const m = f.node?.startsWith(`${f.element}~`) ? /~(\d+)$/.exec(f.node) : null;
  return m ? Number(m[1]) : 1;
}

/** The line a finding points at: its element's or resource's `<name>`; for the flow, its API version or start. */
export function findingLine(f: Finding, lines: FlowLines): number {
  if (f.element !== '' && f.node !== '$start') {
    const at = lines.name(f.element, occurrence(f)) ?? lines.name(f.element);
    if (at !== undefined) return at;
  }
  const flowLevel =
    f.rule === 'outdated-api-version'
      ? (lines.field('apiVersion') ?? lines.field('start'))
      : (lines.field('start') ?? lines.field('apiVersion'));
  return flowLevel ?? 1;
}

/** FNV-1a, 32 bits, as hex: a cheap stable hash for `partialFingerprints`. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

function descriptor(rule: Rule, config: ChecksConfig | undefined): ReportingDescriptor {
  const setting = config?.rules.get(rule.id);
  const enabled = setting?.enabled !== false;
  return {
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.name },
    fullDescription: { text: rule.summary },
    help: { text: rule.help },
    defaultConfiguration: { level: setting?.severity ?? rule.severity, ...(enabled ? {} : { enabled: false }) },
    properties: { tags: ['salesforce-flow'] },
  };
}

export function toSarif(flows: readonly SarifFlow[], options: SarifOptions): Log {
  const index = new Map(options.rules.map((r, i) => [r.id, i]));
  const results: Result[] = [];
  for (const flow of flows) {
    const uri = fileUri(flow.file);
    for (const f of flow.findings) {
      const ruleIndex = index.get(f.rule);
      const line = findingLine(f, flow.lines);
      const text =
        flow.inside === undefined ? f.message : `${f.message} (in the archive: ${flow.inside}, line ${line})`;
      const logical = f.element === '' ? flow.name : `${flow.name}.${f.element}`;
      results.push({
        ruleId: f.rule,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: f.severity,
        message: { text },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri },
              region: { startLine: flow.inside === undefined ? line : 1 },
            },
            logicalLocations: [{ name: f.element || flow.name, fullyQualifiedName: logical, kind: 'member' }],
          },
        ],
        // What the finding is about, not where: it survives lines moving above it.
        partialFingerprints: { 'flowscopeFinding/v1': hash([flow.name, f.rule, f.element, f.detail ?? ''].join('\0')) },
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Flowscope',
            ...(options.informationUri ? { informationUri: options.informationUri } : {}),
            version: options.version,
            rules: options.rules.map((r) => descriptor(r, options.config)),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}
