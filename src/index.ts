/** vigil as a library: the CLI is a thin shell over these. */

export type { Notable, RiskEvent, RunContext } from './alerting/types.js';
export type { Content } from './content/load.js';
export type { AttackDataFile, ContentProblem, Detection, MacroDef, Story } from './content/types.js';
export { type Diagnostic, DiagnosticError, renderDiagnostic, type Span } from './core/diagnostics.js';
export type { Row, Value } from './core/value.js';
export { type CompiledSearch, compileSearch, type SearchResult } from './engine/run.js';
export { formatNames, listFormats } from './ingest/formats/registry.js';
export { type IngestOptions, ingest } from './ingest/ingest.js';
export type { IngestSummary } from './ingest/summary.js';
export { type ContentOptions, loadAllContent } from './jobs/content.js';
export { type DetectOptions, type DetectResult, type DetectWindow, detect } from './jobs/detect.js';
export { type RunResult, run } from './jobs/run.js';
export { type SearchOptions, search } from './jobs/search.js';
export { explainDetection, type WhyOptions, type WhyReport } from './jobs/why.js';
export { getDataset, listDatasets } from './model/registry.js';
export { expandMacros } from './spl/macros.js';
export { parseSpl } from './spl/parser.js';
export { type IngestStore, openStore, resolveStorePath, type Store } from './store/index.js';
export { parseTimeModifier, resolveTime, resolveTimeModifier } from './time/modifiers.js';
export { strftime, strptime } from './time/strftime.js';
