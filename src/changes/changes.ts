import { resolveControlId } from '../catalog/control-id.js';
import { catalogOf } from '../catalog/catalog.js';
import { roleTitle, type Config, type RiskMethod } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import { isRecord } from '../text/is-record.js';
import type { Workspace } from '../documents/workspace.js';
import type { ConfigState, DocumentEvidence, GitEvidence } from '../git/evidence.js';
import type { Commit } from '../git/log-parser.js';
import { changesContent, isApproval, judgeApprovalRevision, judgeSignOff } from '../git/model.js';
import type { ControlFacts, RevisionFacts, RiskFacts } from '../git/revision-facts.js';
import { describeRating, rate } from '../risk/method.js';
import { standardOf } from '../soa/soa-summary.js';

/** A commit as a change report names it. */
export interface ChangeCommit {
  hash: string;
  /** Who made it (the commit's author) and the day they gave it. */
  author: string;
  email: string;
  date: string;
  /** Part of the history imported with the baseline (trusted, not proven). */
  imported: boolean;
}

/** A value before and after a change; null: it had none. */
export interface Change<T> {
  from: T | null;
  to: T | null;
}

/** What one commit did to one document (without the commit). */
export type EventBody =
  | { kind: 'added'; version: string | null; status: string | null }
  | { kind: 'removed'; path: string }
  | { kind: 'version'; version: string; date: string; author: string; details: string }
  | { kind: 'content' }
  | { kind: 'status'; status: Change<string> }
  | {
      kind: 'approval';
      version: string | null;
      /** The approver as the document names them, and the role they approve as. */
      name: string | null;
      role: string | null;
      roleTitle: string | null;
      date: string | null;
      /** Valid when made, by the chain of trust (the later staleness of content aside): why not, when not. */
      valid: boolean;
      problem: string | null;
    }
  | { kind: 'review'; date: string | null }
  | { kind: 'acceptance'; risk: string; by: string | null; byTitle: string | null; date: string | null; expires: string | null }
  | { kind: 'risk-added'; risk: string }
  | { kind: 'risk-removed'; risk: string }
  | { kind: 'risk-rerated'; risk: string; inherent: Change<string>; residual: Change<string> }
  | { kind: 'risk-treated'; risk: string; treatment: Change<string>; controls: Change<string[]> }
  | { kind: 'control'; control: string; title: string; applicable: Change<boolean>; implementation: Change<string>; owner: Change<string>; justification: boolean };

/** What one commit did to one document. */
export type ChangeEvent = EventBody & { commit: ChangeCommit };

export type ChangeKind = ChangeEvent['kind'];

/** What changed in one document between the two points, oldest first. */
export interface DocumentChanges {
  id: string;
  title: string;
  /** Its path, relative to the documents root (at `to`, or where it was deleted). */
  path: string;
  events: ChangeEvent[];
}

/** A change of the configuration or the allowed-signers file, and whether a configuration approver made it. */
export interface ConfigurationChange {
  commit: ChangeCommit;
  /** The governed files it changed, relative to the documents root. */
  files: string[];
  /** In plain words: members added to or removed from roles, approvers, settings. */
  changes: string[];
  valid: boolean;
  problem: string | null;
}

export interface ChangePoint {
  commit: string;
  /** The committer's day of the commit. */
  date: string;
}

/** Everything `isms changes` reports, and the site's Changes page shows. */
export interface ChangeReport {
  organization: string;
  /** The earlier point; null: from the beginning of the history. */
  from: ChangePoint | null;
  to: ChangePoint;
  /** Commits after `from` up to `to`, all of them (not only those that touched the documents). */
  commits: number;
  documents: DocumentChanges[];
  configuration: ConfigurationChange[];
}

export interface ChangeRange {
  /** Changes after this commit (undefined: from the first); it must be `to` or one of its ancestors. */
  from?: Commit;
  /** The commit the evidence was read at (`--at`, or HEAD). */
  to: Commit;
  /** Which documents a reader may see (a build's audience): the rest are left out whole. */
  include?: (document: { id: string; classification: string | undefined }) => boolean;
}

function changeCommit(commit: Commit, imported: boolean): ChangeCommit {
  return { hash: commit.hash, author: commit.authorName, email: commit.authorEmail, date: commit.authorDate.slice(0, 10), imported };
}

const day = (commit: Commit): ChangePoint => ({ commit: commit.hash, date: commit.committerDate.slice(0, 10) });
const same = <T>(a: T | null, b: T | null) => JSON.stringify(a) === JSON.stringify(b);
const change = <T>(from: T | undefined | null, to: T | undefined | null): Change<T> => ({ from: from ?? null, to: to ?? null });

/** A rating (`high (4x4=16)`) from the basis an acceptance covers: the risk's likelihood, impact and residual. */
function ratings(method: RiskMethod | undefined, basis: string | undefined): { inherent: string | null; residual: string | null; treatment: string | null; controls: string[] } {
  let value: unknown;
  try {
    value = basis === undefined ? undefined : JSON.parse(basis.split('|')[0]!);
  } catch {
    value = undefined;
  }
  const risk = isRecord(value) ? value : {};
  const treatment = typeof risk['treatment'] === 'string' ? risk['treatment'] : null;
  const controls = Array.isArray(risk['controls']) ? risk['controls'].filter((c): c is string => typeof c === 'string') : [];
  if (!method) return { inherent: null, residual: null, treatment, controls };
  const inherent = rate(method, risk['likelihood'], risk['impact']);
  const residualGiven = isRecord(risk['residual']) ? rate(method, risk['residual']['likelihood'], risk['residual']['impact']) : treatment === 'retain' ? inherent : undefined;
  const residual = treatment === 'avoid' ? undefined : residualGiven;
  return { inherent: inherent ? describeRating(inherent) : null, residual: residual ? describeRating(residual) : null, treatment, controls };
}

function riskEvents(before: RevisionFacts, after: RevisionFacts, config: Config): Array<Extract<EventBody, { kind: `risk-${string}` | 'acceptance' }>> {
  const events: Array<Extract<EventBody, { kind: `risk-${string}` | 'acceptance' }>> = [];
  const old = before.risks ?? new Map<string, RiskFacts>();
  const now = after.risks ?? new Map<string, RiskFacts>();
  for (const id of old.keys()) if (!now.has(id)) events.push({ kind: 'risk-removed', risk: id });
  for (const [id, risk] of now) {
    const was = old.get(id);
    if (!was) {
      events.push({ kind: 'risk-added', risk: id });
    } else if (was.basis !== risk.basis) {
      const a = ratings(config.risk, was.basis);
      const b = ratings(config.risk, risk.basis);
      if (a.inherent !== b.inherent || a.residual !== b.residual) events.push({ kind: 'risk-rerated', risk: id, inherent: change(a.inherent, b.inherent), residual: change(a.residual, b.residual) });
      else events.push({ kind: 'risk-treated', risk: id, treatment: change(a.treatment, b.treatment), controls: change(a.controls, b.controls) });
    }
    if (risk.acceptance !== undefined && risk.acceptance !== was?.acceptance) {
      events.push({ kind: 'acceptance', risk: id, by: risk.by ?? null, byTitle: risk.by ? roleTitle(config, risk.by) : null, date: risk.date ?? null, expires: risk.expires ?? null });
    }
  }
  return events;
}

/** The controls of a SoA revision by catalogue id (first entry of each), in the document's edition. */
function controlsById(facts: RevisionFacts, doc: SourceDocument, config: Config): Map<string, ControlFacts> {
  const standard = standardOf(doc, config);
  const byId = new Map<string, ControlFacts>();
  for (const entry of facts.controls ?? []) {
    const resolved = resolveControlId(entry.control, standard);
    if (resolved.ok && !byId.has(resolved.id)) byId.set(resolved.id, entry);
  }
  return byId;
}

function controlEvents(before: RevisionFacts, after: RevisionFacts, doc: SourceDocument, config: Config): Array<Extract<EventBody, { kind: 'control' }>> {
  const old = controlsById(before, doc, config);
  const now = controlsById(after, doc, config);
  const catalog = catalogOf(standardOf(doc, config));
  const events: Array<Extract<EventBody, { kind: 'control' }>> = [];
  for (const control of catalog.controls) {
    const a = old.get(control.id);
    const b = now.get(control.id);
    if (!a && !b) continue;
    const applicable = change(a?.applicable, b?.applicable);
    const implementation = change(a?.implementation, b?.implementation);
    const owner = change(a?.owner, b?.owner);
    const justification = (a?.justification ?? null) !== (b?.justification ?? null);
    if (same(applicable.from, applicable.to) && same(implementation.from, implementation.to) && same(owner.from, owner.to) && !justification) continue;
    events.push({ kind: 'control', control: control.id, title: control.title, applicable, implementation, owner, justification });
  }
  return events;
}

/** Every event of one revision: what the commit did to the document, in a fixed order of kinds. */
function revisionEvents(evidence: DocumentEvidence, index: number, doc: SourceDocument, git: GitEvidence, config: Config): ChangeEvent[] {
  const revision = evidence.revisions[index]!;
  const commit = changeCommit(revision.commit, revision.imported);
  const { before, facts: after } = revision;
  const events: ChangeEvent[] = [];
  const push = (event: EventBody) => events.push({ ...event, commit });
  if (!before) push({ kind: 'added', version: after.version ?? null, status: after.status ?? null });
  const known = new Set((before?.rows ?? []).map((row) => row.version));
  for (const row of after.rows) if (!known.has(row.version)) push({ kind: 'version', ...row });
  if (before && changesContent(revision)) push({ kind: 'content' });
  if (isApproval(revision)) {
    const judged = judgeApprovalRevision(git, evidence, index, config);
    const approval = after.approval ?? {};
    push({
      kind: 'approval',
      version: after.version ?? null,
      name: approval.name ?? null,
      role: approval.by ?? null,
      roleTitle: approval.by ? roleTitle(config, approval.by) : null,
      date: approval.date ?? null,
      valid: judged.problems.length === 0,
      problem: judged.problems[0]?.message ?? null,
    });
  } else if (before && before.status !== after.status) {
    push({ kind: 'status', status: change(before.status, after.status) });
  }
  if (after.review?.block !== undefined && after.review.block !== before?.review?.block) push({ kind: 'review', date: after.review.last ?? null });
  if (before) {
    for (const event of riskEvents(before, after, config)) push(event);
    for (const event of controlEvents(before, after, doc, config)) push(event);
  }
  return events;
}

/** The governed changes in words: members in and out of roles, approvers, and which settings changed. */
function configurationWords(before: ConfigState, after: ConfigState, files: readonly string[], configName: string): string[] {
  const words = files.filter((file) => file !== configName).map((file) => `${file} changed`);
  if (!files.includes(configName)) return words;
  if (before.kind !== 'ok' || after.kind !== 'ok') {
    const state = (s: ConfigState) => (s.kind === 'ok' ? 'valid' : s.kind === 'missing' ? 'none' : s.kind === 'broken' ? `not valid (${s.message})` : 'too large to read');
    return [...words, `${configName}: ${state(before)} before, ${state(after)} after`];
  }
  const a = before.config;
  const b = after.config;
  for (const role of new Set([...Object.keys(a.roles), ...Object.keys(b.roles)])) {
    const was = a.roles[role];
    const now = b.roles[role];
    if (!was) words.push(`role ${role} (${now!.title}) added`);
    if (!now) words.push(`role ${role} removed`);
    const emails = (list: (typeof a.roles)[string] | undefined) => new Map((list?.members ?? []).map((m) => [m.email.toLowerCase(), m]));
    const old = emails(was);
    const fresh = emails(now);
    for (const [email, member] of fresh) if (!old.has(email)) words.push(`${member.name} <${member.email}> joined role ${role}`);
    for (const [email, member] of old) if (!fresh.has(email)) words.push(`${member.name} <${member.email}> left role ${role}`);
  }
  for (const type of new Set([...Object.keys(a.approvers), ...Object.keys(b.approvers)])) {
    const was = (a.approvers[type] ?? []).join(', ') || 'none';
    const now = (b.approvers[type] ?? []).join(', ') || 'none';
    if (was !== now) words.push(`approvers of ${type}: ${was} -> ${now}`);
  }
  for (const [key, label] of [
    ['signedApprovals', 'git.signed_approvals'],
    ['allowSelfApproval', 'git.allow_self_approval'],
    ['maxBackdateDays', 'git.max_backdate_days'],
    ['baseline', 'git.baseline'],
    ['configApprovers', 'git.config_approvers'],
    ['allowedSigners', 'git.allowed_signers'],
  ] as const) {
    if (!same(a.git[key] ?? null, b.git[key] ?? null)) words.push(`${label}: ${JSON.stringify(a.git[key] ?? null)} -> ${JSON.stringify(b.git[key] ?? null)}`);
  }
  const sections = ['organization', 'standard', 'ignore', 'classifications', 'reviewIntervalMonths', 'requiredSections', 'risk', 'rules', 'publish'] as const;
  const names: Record<(typeof sections)[number], string> = {
    organization: 'organization',
    standard: 'standard',
    ignore: 'ignore',
    classifications: 'classifications',
    reviewIntervalMonths: 'review_interval_months',
    requiredSections: 'required_sections',
    risk: 'risk',
    rules: 'rules',
    publish: 'publish',
  };
  const changed = sections.filter((key) => !same(a[key] ?? null, b[key] ?? null)).map((key) => names[key]);
  if (changed.length > 0) words.push(`changed: ${changed.join(', ')}`);
  return words.length > 0 ? words : ['no setting changed (comments or layout only)'];
}

/**
 * What changed between two points of history, per document (versions added with their details,
 * content changes, approvals judged by the chain of trust, reviews, acceptances, risks added, removed
 * and re-rated, SoA decisions), and every change of the configuration: all of it from the evidence of
 * one history pass read at `to`. No I/O.
 */
export function collectChanges(workspace: Workspace, git: GitEvidence, range: ChangeRange): ChangeReport {
  const { config } = workspace;
  const graph = git.graph;
  const before = range.from && graph ? graph.ancestors([range.from.hash]) : new Set<string>();
  const inRange = (hash: string) => !before.has(hash);
  const include = range.include ?? (() => true);
  const documents: DocumentChanges[] = [];
  for (const doc of workspace.documents) {
    const evidence = git.document(doc);
    if (!evidence || !doc.meta.id || !include({ id: doc.meta.id, classification: doc.meta.classification })) continue;
    const events = evidence.revisions.flatMap((revision, index) => (revision.carried || !inRange(revision.commit.hash) ? [] : revisionEvents(evidence, index, doc, git, config)));
    if (events.length > 0) documents.push({ id: doc.meta.id, title: doc.meta.title ?? doc.meta.id, path: doc.path, events });
  }
  for (const removed of git.removed) {
    if (!inRange(removed.commit.hash)) continue;
    const id = removed.facts?.id ?? removed.path;
    if (!include({ id, classification: removed.facts?.classification })) continue;
    documents.push({ id, title: removed.facts?.title ?? id, path: removed.path, events: [{ kind: 'removed', path: removed.path, commit: changeCommit(removed.commit, false) }] });
  }
  documents.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.path.localeCompare(b.path)));
  const configName = config.file.split(/[\\/]/).pop() ?? 'isms.config.yaml';
  const configuration = git.configChanges
    .filter((c) => inRange(c.commit.hash))
    .map((c): ConfigurationChange => {
      const signOff = judgeSignOff(git, c.commit, (judging) => judging.git.configApprovers, `the change to ${c.paths.join(' and ')}`);
      return {
        commit: changeCommit(c.commit, false),
        files: c.paths,
        changes: configurationWords(git.configBefore(c.commit.hash), git.configAt(c.commit.hash), c.paths, configName),
        valid: signOff.ok,
        problem: signOff.ok ? null : signOff.message,
      };
    });
  const commits = graph ? [...graph.ancestors([range.to.hash])].filter(inRange).length : 0;
  return { organization: config.organization, from: range.from ? day(range.from) : null, to: day(range.to), commits, documents, configuration };
}
