import { summarize, type Reporter } from './report.js';

/** Exactly DESIGN section 2: one object with tool, summary and diagnostics. */
export const json: Reporter = ({ tool, result }) => JSON.stringify({ tool, summary: summarize(result), diagnostics: result.diagnostics }, null, 2) + '\n';
