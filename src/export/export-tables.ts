import { roleTitle, type Config } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import { reviewSchedule } from '../documents/review.js';
import { isRecord } from '../text/is-record.js';
import type { Workspace } from '../documents/workspace.js';
import { repositoryStatusWords, type GitEvidence } from '../git/evidence.js';
import { judgeAcceptance } from '../git/model.js';
import { readRisks } from '../risk/register.js';
import { readSoa, type OtherSourceControl, type SoaControl } from '../soa/soa-controls.js';
import { IMPLEMENTATIONS } from '../soa/soa-summary.js';
import { approvalState, riskStatus, soaStatus, type ApprovalState } from '../status/status.js';
import { sourceSentence, type CellValue, type ExportColumn, type ExportKind, type ExportSource, type ExportTable, type SummaryTable } from './export-table.js';

export interface ExportInput {
  workspace: Workspace;
  /** Git evidence of the workspace; undefined or without history: no approval is proven. */
  git: GitEvidence | undefined;
  source: ExportSource;
  /** The date that counts as today for the chain of trust (an approval dated after it is not valid): today, or the day of --at. */
  asOf: string;
  /** The documents an export may show (a build's audience); default: every one. */
  include?: (doc: SourceDocument) => boolean;
}

/** An export, or why there is none: no document of the kind, or several live ones (their ids). */
export type ExportResult = { ok: true; table: ExportTable } | { ok: false; problem: 'none' | 'several'; ids: string[] };

const column = (key: string, header: string, kind: ExportColumn['kind'] = 'text'): ExportColumn => ({ key, header, kind });
const orNull = (value: string | undefined | null): string | null => (value === undefined || value === null || value === '' ? null : value);
/** A date column's value: an ISO date, or (written otherwise) the text as written, for the reader to see. */
const dateCell = (value: string | undefined | null): string | null => orNull(value);

function documentsOf(input: ExportInput): SourceDocument[] {
  const include = input.include ?? (() => true);
  return input.workspace.documents.filter((doc) => doc.data !== undefined && doc.meta.id !== undefined && include(doc));
}

/** The one live document of a type (a retired one only when it is the only one). */
function theDocument(input: ExportInput, type: string): { ok: true; doc: SourceDocument } | { ok: false; problem: 'none' | 'several'; ids: string[] } {
  const all = documentsOf(input).filter((doc) => doc.meta.type === type);
  const live = all.filter((doc) => doc.meta.status !== 'retired');
  const candidates = live.length > 0 ? live : all;
  if (candidates.length === 1) return { ok: true, doc: candidates[0]! };
  return { ok: false, problem: candidates.length === 0 ? 'none' : 'several', ids: candidates.map((doc) => doc.meta.id ?? doc.file) };
}

/** The proof of an approval in a word, and why it is not valid: what the master list and the summaries say. */
function approvalProof(state: ApprovalState, git: GitEvidence | undefined): { word: string; problem: string | null } {
  if (!state.approvedBy) return { word: '', problem: null };
  if (!git || git.status.kind !== 'ok') return { word: 'not proven', problem: git ? repositoryStatusWords(git.status) : 'git history was not read' };
  const { evidence, judged } = state;
  if (judged?.valid) return { word: judged.proof === 'baseline' ? 'imported' : judged.signed ? 'proven, signed' : 'proven', problem: null };
  if (!evidence || evidence.proof === 'uncommitted') return { word: 'not committed', problem: judged?.problems[0]?.message ?? 'nobody committed this approval' };
  return { word: 'not valid', problem: judged?.problems[0]?.message ?? 'not proven' };
}

/** What the summary says of the document exported: id, title, version, status, and its approval. */
function documentFacts(doc: SourceDocument, config: Config, git: GitEvidence | undefined, asOf: string): Array<[string, string]> {
  const meta = doc.meta;
  const state = approvalState(doc, config, git, asOf);
  const proof = approvalProof(state, git);
  const commit = state.evidence?.commit?.hash;
  const approval = state.approvedBy
    ? `${state.approvedBy.name} (${roleTitle(config, state.approvedBy.role)}), ${state.approvedOn}: ${proof.word}${commit ? ` in commit ${commit}` : ''}${proof.problem ? ` (${proof.problem})` : ''}`
    : 'not approved';
  return [
    ['Document', `${meta.id} ${meta.title ?? ''}`.trim()],
    ['Version', `${meta.version ?? ''} (${meta.status ?? 'no status'})`],
    ['Approval', approval],
  ];
}

function headFacts(input: ExportInput, title: string): Array<[string, string]> {
  return [
    ['Organisation', input.workspace.config.organization],
    ['Export', title],
    ['Source', sourceSentence(input.source)],
  ];
}

function table(kind: ExportKind, title: string, input: ExportInput, columns: ExportColumn[], rows: ExportTable['rows'], facts: Array<[string, string]>, summary: SummaryTable[]): ExportTable {
  return { kind, title, organization: input.workspace.config.organization, source: input.source, columns, rows, facts, summary };
}

const SOA_COLUMNS = [
  column('control', 'Control', 'id'),
  column('theme', 'Theme'),
  column('title', 'Title'),
  column('applicable', 'Applicable', 'id'),
  column('reasons', 'Reasons', 'list'),
  column('justification', 'Justification'),
  column('implementation', 'Implementation', 'id'),
  column('owner', 'Owner'),
  column('documents', 'Documents', 'list'),
  column('risks', 'Risks', 'list'),
  column('evidence', 'Evidence', 'lines'),
];

/** Every control of the SoA's edition in catalogue order, decided or not, with a summary by theme. */
export function soaExport(input: ExportInput): ExportResult {
  const found = theDocument(input, 'soa');
  if (!found.ok) return found;
  const { doc } = found;
  const { config } = input.workspace;
  const { catalog, controls, otherSources } = readSoa(doc, config);
  const row = (id: string, theme: string, title: string, entry: SoaControl | OtherSourceControl): Record<string, CellValue> => ({
    control: id,
    theme,
    title,
    applicable: entry.applicable === undefined ? 'undecided' : entry.applicable ? 'yes' : 'no',
    reasons: entry.reasons,
    justification: orNull(entry.justification),
    implementation: orNull(entry.implementation),
    owner: entry.owner ? roleTitle(config, entry.owner) : null,
    documents: entry.documents,
    risks: entry.risks,
    evidence: entry.evidence,
  });
  // Annex A in catalogue order, then the controls from other sources (6.1.3 b) in the SoA's order.
  const rows = [
    ...controls.map((entry) => row(entry.control.id, entry.control.groupTitle, entry.control.title, entry)),
    ...otherSources.map((entry) => row(entry.id, `Other source: ${entry.source}`, entry.title, entry)),
  ];
  const counts = soaStatus(doc, config);
  const inGroup = (group: string) => catalog.controls.filter((c) => c.group === group).length;
  const byTheme = counts.byGroup.map((g) => {
    const total = inGroup(g.group);
    return [
      g.title,
      total,
      g.applicable,
      g.excluded,
      total - g.applicable - g.excluded,
      g.implementation.implemented,
      g.implementation.partial,
      g.implementation.planned,
      g.implementation['not-implemented'],
      g.implementation.unknown,
    ];
  });
  const i = counts.implementation;
  byTheme.push(['Total', counts.catalogue, counts.applicable, counts.excluded, counts.catalogue - counts.decided, i.implemented, i.partial, i.planned, i['not-implemented'], i.unknown]);
  if (otherSources.length > 0) {
    const applicable = otherSources.filter((c) => c.applicable === true);
    const excluded = otherSources.filter((c) => c.applicable === false).length;
    const implemented = (status: string) => applicable.filter((c) => c.implementation === status).length;
    const known = IMPLEMENTATIONS.reduce((sum, status) => sum + implemented(status), 0);
    byTheme.push([
      'Controls from other sources',
      otherSources.length,
      applicable.length,
      excluded,
      otherSources.length - applicable.length - excluded,
      implemented('implemented'),
      implemented('partial'),
      implemented('planned'),
      implemented('not-implemented'),
      applicable.length - known,
    ]);
  }
  const summary: SummaryTable[] = [
    { title: 'Controls by theme', header: ['Theme', 'Controls', 'Applicable', 'Excluded', 'Undecided', 'Implemented', 'Partial', 'Planned', 'Not implemented', 'No status'], rows: byTheme },
  ];
  const facts: Array<[string, string]> = [
    ...headFacts(input, 'Statement of Applicability'),
    ...documentFacts(doc, config, input.git, input.asOf),
    ['Edition', `${catalog.name} Annex A: ${counts.catalogue} controls, ${counts.applicable} applicable, ${counts.excluded} excluded, ${counts.catalogue - counts.decided} undecided`],
    ...(otherSources.length > 0 ? [['Other sources', `${otherSources.length} controls from other sources than Annex A, after the Annex A rows`] as [string, string]] : []),
  ];
  return { ok: true, table: table('soa', 'Statement of Applicability', input, SOA_COLUMNS, rows, facts, summary) };
}

const REGISTER_COLUMNS = [
  column('id', 'ID', 'id'),
  column('title', 'Title'),
  column('type', 'Type', 'id'),
  column('path', 'Path', 'id'),
  column('classification', 'Classification', 'id'),
  column('owner', 'Owner'),
  column('version', 'Version', 'id'),
  column('status', 'Status', 'id'),
  column('approvedBy', 'Approved by'),
  column('approverRole', 'Approver role'),
  column('approvedOn', 'Approved on', 'date'),
  column('approvalCommit', 'Approval commit', 'id'),
  column('approvalProof', 'Proof', 'id'),
  column('approvalProblem', 'Why not valid'),
  column('lastReview', 'Last review', 'date'),
  column('nextReview', 'Next review', 'date'),
  column('covers', 'Clauses covered', 'list'),
  column('retention', 'Retention'),
];

/** `retention: { years: 3 }` as people read it; text as written. */
function retentionText(value: unknown): string | null {
  if (typeof value === 'string') return orNull(value);
  if (!isRecord(value)) return null;
  const parts = (['years', 'months', 'days'] as const).flatMap((unit) => (typeof value[unit] === 'number' ? [`${value[unit]} ${value[unit] === 1 ? unit.slice(0, -1) : unit}`] : []));
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The master list of documented information: every document, by id, with its approval as git proves it. */
export function registerExport(input: ExportInput): ExportTable {
  const { config } = input.workspace;
  const documents = documentsOf(input).sort((a, b) => (a.meta.id! < b.meta.id! ? -1 : a.meta.id! > b.meta.id! ? 1 : a.file.localeCompare(b.file)));
  const byStatus = new Map<string, [number, number]>();
  const rows = documents.map((doc): Record<string, CellValue> => {
    const meta = doc.meta;
    const state = approvalState(doc, config, input.git, input.asOf);
    const proof = approvalProof(state, input.git);
    const covers = doc.data?.['covers'];
    const counted = byStatus.get(meta.status ?? '') ?? [0, 0];
    byStatus.set(meta.status ?? '', [counted[0] + 1, counted[1] + (state.judged?.valid ? 1 : 0)]);
    return {
      id: meta.id!,
      title: orNull(meta.title),
      type: orNull(meta.type),
      path: doc.path,
      classification: orNull(meta.classification),
      owner: meta.owner ? roleTitle(config, meta.owner) : null,
      version: orNull(meta.version),
      status: orNull(meta.status),
      approvedBy: state.approvedBy?.name ?? null,
      approverRole: state.approvedBy ? roleTitle(config, state.approvedBy.role) : null,
      approvedOn: dateCell(state.approvedOn),
      approvalCommit: state.approvedBy ? (state.evidence?.commit?.hash ?? null) : null,
      approvalProof: orNull(proof.word),
      approvalProblem: proof.problem,
      lastReview: dateCell(meta.review?.last),
      nextReview: dateCell(reviewSchedule(meta, config)?.due),
      covers: Array.isArray(covers) ? covers.filter((c): c is string => typeof c === 'string') : [],
      retention: retentionText(doc.data?.['retention']),
    };
  });
  const order = ['approved', 'in-review', 'draft', 'retired'];
  const statuses = [...byStatus.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
  const summary: SummaryTable[] = [
    {
      title: 'Documents by status',
      header: ['Status', 'Documents', 'Validly approved'],
      rows: [...statuses.map((status) => [status || '(none)', ...byStatus.get(status)!]), ['Total', rows.length, [...byStatus.values()].reduce((n, [, valid]) => n + valid, 0)]],
    },
  ];
  const facts: Array<[string, string]> = [...headFacts(input, 'Master list of documented information'), ['Documents', String(rows.length)]];
  return table('register', 'Documented information', input, REGISTER_COLUMNS, rows, facts, summary);
}

/** Every export there is among the documents the input includes: the master list always, the SoA and the risk register when one is there. */
export function exportsOf(input: ExportInput): ExportTable[] {
  const tables = [soaExport(input), { ok: true as const, table: registerExport(input) }, risksExport(input)];
  return tables.flatMap((result) => (result.ok ? [result.table] : []));
}

const RISK_COLUMNS = [
  column('id', 'Risk', 'id'),
  column('title', 'Title'),
  column('owner', 'Owner'),
  column('cia', 'CIA', 'list'),
  column('likelihood', 'Likelihood', 'number'),
  column('impact', 'Impact', 'number'),
  column('score', 'Score', 'number'),
  column('level', 'Level', 'id'),
  column('treatment', 'Treatment', 'id'),
  column('controls', 'Controls', 'list'),
  column('residualLikelihood', 'Residual likelihood', 'number'),
  column('residualImpact', 'Residual impact', 'number'),
  column('residualScore', 'Residual score', 'number'),
  column('residualLevel', 'Residual level', 'id'),
  column('acceptedBy', 'Accepted by'),
  column('recordedBy', 'Recorded by'),
  column('acceptedOn', 'Accepted on', 'date'),
  column('expires', 'Expires', 'date'),
  column('acceptanceCommit', 'Acceptance commit', 'id'),
  column('acceptanceProof', 'Acceptance proof', 'id'),
  column('nextReview', 'Next review', 'date'),
];

/** Every risk with its ratings by the configured method, its treatment and its acceptance as git proves it. */
export function risksExport(input: ExportInput): ExportResult {
  const found = theDocument(input, 'risk-register');
  if (!found.ok) return found;
  const { doc } = found;
  const { config } = input.workspace;
  const method = config.risk;
  const evidence = input.git?.status.kind === 'ok' ? input.git.document(doc) : undefined;
  const rows = readRisks(doc, method).map((risk): Record<string, CellValue> => {
    const { inherent, residual, acceptance } = risk;
    const judged = acceptance && evidence && input.git && risk.id ? judgeAcceptance(input.git, evidence, risk.id) : undefined;
    let recordedBy: string | null = null;
    let proof: string | null = acceptance ? (input.git?.status.kind === 'ok' ? 'not committed' : 'not proven') : null;
    let commit: string | null = null;
    if (judged?.kind === 'committed') {
      const { revision, signOff } = judged;
      commit = revision.commit.hash;
      recordedBy = signOff?.ok ? signOff.member.name : revision.commit.authorName;
      const refused = (signOff !== undefined && !signOff.ok) || judged.dateProblem !== undefined;
      proof = judged.valid ? (revision.imported ? 'imported' : 'proven') : refused ? 'not valid' : 'stale';
    }
    return {
      id: orNull(risk.id),
      title: orNull(risk.title),
      owner: risk.owner ? roleTitle(config, risk.owner) : null,
      cia: risk.cia,
      likelihood: inherent?.likelihood ?? null,
      impact: inherent?.impact ?? null,
      score: inherent?.score ?? null,
      level: inherent?.levelName ?? null,
      treatment: orNull(risk.treatment),
      controls: risk.controls,
      residualLikelihood: residual?.likelihood ?? null,
      residualImpact: residual?.impact ?? null,
      residualScore: residual?.score ?? null,
      residualLevel: residual?.levelName ?? null,
      acceptedBy: acceptance?.by ? roleTitle(config, acceptance.by) : null,
      recordedBy,
      acceptedOn: dateCell(acceptance?.date),
      expires: dateCell(acceptance?.expires),
      acceptanceCommit: commit,
      acceptanceProof: proof,
      nextReview: dateCell(risk.nextReview),
    };
  });
  const counts = riskStatus(doc, config, input.source.committed?.slice(0, 10) ?? '1970-01-01');
  const summary: SummaryTable[] = counts
    ? [
        { title: 'Risks by level', header: ['Level', 'Inherent', 'Residual'], rows: counts.levels.map((level) => [level, counts.inherent[level] ?? 0, counts.residual[level] ?? 0]) },
        { title: 'Treatments', header: ['Treatment', 'Risks'], rows: Object.entries(counts.treatments).map(([treatment, n]) => [treatment, n]) },
      ]
    : [];
  const scales = method
    ? `likelihood 1-${method.likelihood.length} (${method.likelihood.join(', ')}) x impact 1-${method.impact.length} (${method.impact.join(', ')}), ${method.scoring === 'multiply' ? 'score = likelihood x impact' : 'levels by grid'}; acceptable up to ${method.acceptable}`
    : 'no risk method in the configuration: ratings are not computed';
  const facts: Array<[string, string]> = [...headFacts(input, 'Risk register'), ...documentFacts(doc, config, input.git, input.asOf), ['Method', scales], ['Risks', String(rows.length)]];
  return { ok: true, table: table('risks', 'Risk register', input, RISK_COLUMNS, rows, facts, summary) };
}
