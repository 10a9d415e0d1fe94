import { catalogOf } from '../catalog/catalog.js';
import { clauseCoverage } from '../catalog/coverage.js';
import { audienceOf, clearedFor, DOCUMENT_TYPES, roleTitle, type Config } from '../config/config.js';
import type { SourceDocument } from '../documents/document.js';
import type { HistoryRow } from '../documents/version-history.js';
import type { Workspace } from '../documents/workspace.js';
import { repositoryStatusWords, type GitEvidence } from '../git/evidence.js';
import { judgeApproval } from '../git/model.js';
import { revisionFacts } from '../git/revision-facts.js';
import { rate } from '../risk/method.js';
import { riskEntryOf, type RiskEntry } from '../risk/register.js';
import { summarizeRisks } from '../risk/risk-summary.js';
import { decisionDetails, summarizeSoa, type DecisionDetails } from '../soa/soa-summary.js';
import { reviewSchedule } from '../documents/review.js';
import { recordView, type RecordView } from './record-view.js';
import { isRecord } from '../text/is-record.js';

const ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

export interface PublishedApproval {
  name: string;
  role: string;
  roleTitle: string;
  date: string;
  /** The commit that proves it: only for an approval git proves valid. */
  commit?: { hash: string; short: string; author: string; email: string; date: string; proof: 'commit' | 'baseline'; signed: boolean; sentence: string };
  /** Why it is not shown as approved (not proven from git, or not valid): one sentence, for an approval that is not valid. */
  problem?: string;
}

/** A control as the SoA's page and PDF show it: the entry's details (owner as its role's title), without evidence. */
export interface SoaRow extends Omit<DecisionDetails, 'evidence'> {
  control: string;
  title: string;
  /** Where a control from another source than Annex A comes from. */
  source?: string;
  applicable: boolean;
}

export interface SoaTheme {
  title: string;
  applicable: number;
  excluded: number;
  controls: SoaRow[];
}

/** A risk as the site and the PDFs show it: the owner as its role's title, the acceptance as a sentence. */
export interface RiskRow extends Omit<RiskEntry, 'acceptance'> {
  acceptance: string;
}

export interface RiskView {
  likelihood: string[];
  impact: string[];
  levels: string[];
  /** counts[likelihood-1][impact-1] */
  inherent: number[][];
  residual: number[][];
  /** Level index of each cell, for colouring. */
  cellLevels: number[][];
  risks: RiskRow[];
}

export interface PublishedDocument {
  source: SourceDocument;
  id: string;
  title: string;
  type: string;
  owner: string;
  ownerTitle: string;
  classification: string;
  status: string;
  /** The status as readers see it: an approval that is not valid says so wherever the status is shown. */
  statusShown: string;
  version: string;
  approval?: PublishedApproval;
  validlyApproved: boolean;
  nextReview?: string;
  history: HistoryRow[];
  distribution: Array<{ to: string; audience: string }>;
  /**
   * Annex A by theme, then (apart, as the last group) the controls from other sources; `applicable`
   * and `excluded` count Annex A, `summary` says both in one sentence.
   */
  soa?: { standard: string; themes: SoaTheme[]; applicable: number; excluded: number; otherSources: { applicable: number; excluded: number }; summary: string };
  risks?: RiskView;
  /** The content of a YAML document without a view of its own (a record, a plan kept as data). */
  record?: RecordView;
  /** Withdrawn (status retired): published as OBSOLETE, never in the manual. */
  retired: boolean;
  /** The content fingerprint of the text rendered (`sha256-v2:...`, as git evidence computes it). */
  fingerprint: string;
  /**
   * The build commit and the git blob id of the document's file in it, when the file rendered is the
   * one that commit holds: binds everything shown, administration included, to git.
   */
  committed?: { commit: string; blob: string };
  /** Where its page and PDF are, relative to the output folder. */
  page: string;
  pdf: string;
}

/** Why a document was not published: above the audience's classification, or not approved in a release. */
export type LeftOutReason = 'audience' | 'not-approved';

export interface LeftOut {
  id: string;
  reason: LeftOutReason;
}

/** A clause that requires documented information, and the published documents that cover it. */
export interface PublishedClause {
  id: string;
  title: string;
  documented: string;
  /** `approved`: validly approved (the chain of trust's judgement); otherwise `note` says what it is ("draft", "in-review", "approval not valid"): a draft covers a clause, but only in draft. */
  documents: Array<{ id: string; title: string; page: string; approved: boolean; note?: string }>;
  /** Covered only by documents this audience may not see (they are not named); never by documents left out of a release as not approved. */
  coveredElsewhere: boolean;
  /** Covered by a validly approved document, published or withheld from this audience. */
  coveredByApproved: boolean;
}

export interface Publication {
  organization: string;
  title: string;
  /** ISO 8601 build time (from the commit under --release). */
  buildTime: string;
  commit?: string;
  /** The audience published for; undefined when the configuration defines none. */
  audience?: string;
  /**
   * The published documents, in publish.order, then the rest by type and id. Nothing left out is
   * here: whatever renders from this list (pages, PDFs, register, navigation, links) never sees it.
   */
  documents: PublishedDocument[];
  /** The manual's documents: the published ones in the same order, minus publish.exclude and retired ones. */
  manual: PublishedDocument[];
  /** Documents not published, by id, and why. */
  leftOut: LeftOut[];
  /**
   * The clauses of the standard that require documented information and what covers them (`covers`);
   * undefined when the configuration does not ask for it and no document says what it covers.
   */
  coverage?: { edition: string; covered: number; coveredByApproved: number; clauses: PublishedClause[] };
}

export interface PublicationScope {
  /** The audience to publish for (a name the configuration defines); undefined: everything. */
  audience?: string;
  /** A release: only validly approved documents (and retired ones, as obsolete) are published. */
  approvedOnly?: boolean;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function soaView(doc: SourceDocument, config: Config): PublishedDocument['soa'] {
  const soa = summarizeSoa(doc, config);
  const row = (entry: Record<string, unknown>, control: string, title: string, applicable: boolean | undefined): SoaRow => {
    const { reasons, justification, implementation, owner, documents, risks } = decisionDetails(entry);
    return { control, title, applicable: applicable === true, reasons, justification, implementation, owner: roleTitle(config, owner), documents, risks };
  };
  const annexA = soa.groups.map((group): SoaTheme => ({
    title: group.title,
    applicable: group.applicable,
    excluded: group.excluded,
    controls: group.decisions.map(({ control, entry, applicable }) => row(entry, control.id, control.title, applicable)),
  }));
  const others = soa.otherSources;
  const other: SoaTheme = {
    title: 'Controls from other sources',
    applicable: others.applicable,
    excluded: others.excluded,
    controls: others.decisions.map(({ id, source, entry, applicable }) => ({ ...row(entry, id, text(entry['title']), applicable), source })),
  };
  const otherSummary = other.controls.length > 0 ? `; controls from other sources: ${other.applicable} applicable, ${other.excluded} excluded` : '';
  return {
    standard: soa.catalog.name,
    themes: other.controls.length > 0 ? [...annexA, other] : annexA,
    applicable: soa.applicable,
    excluded: soa.excluded,
    otherSources: { applicable: other.applicable, excluded: other.excluded },
    summary: `${soa.catalog.name} Annex A: ${soa.applicable} controls applicable, ${soa.excluded} excluded${otherSummary}.`,
  };
}

function riskView(doc: SourceDocument, config: Config): RiskView | undefined {
  const method = config.risk;
  if (!method) return undefined;
  const summary = summarizeRisks(doc, method);
  return {
    likelihood: method.likelihood,
    impact: method.impact,
    levels: method.levels.map((l) => l.name),
    inherent: summary.inherentGrid,
    residual: summary.residualGrid,
    cellLevels: method.likelihood.map((_, l) => method.impact.map((__, i) => rate(method, l + 1, i + 1)?.level ?? 0)),
    risks: summary.risks.map(riskEntryOf).map(({ acceptance, ...risk }): RiskRow => {
      const title = (role: string) => roleTitle(config, role);
      return {
        ...risk,
        owner: title(risk.owner),
        acceptance: acceptance ? `${title(acceptance.by)}, ${acceptance.date}${acceptance.expires ? ` (expires ${acceptance.expires})` : ''}` : '',
      };
    }),
  };
}

/** What proves an approval, in one sentence for the site and the PDFs. */
function proofSentence(c: { short: string; author: string; email: string; date: string; proof: 'commit' | 'baseline'; signed: boolean }): string {
  if (c.proof === 'baseline')
    return `Imported with the baseline (commit ${c.short}): approved as the document records it, before approvals were proven from git; recorded by ${c.author} <${c.email}> on ${c.date}.`;
  return `Proven by commit ${c.short}, made by ${c.author} <${c.email}> on ${c.date}${c.signed ? ', signed by the approver' : ' (unsigned approval: the commit author field names the approver)'}.`;
}

/** Where a document stands among the published ones: publish.order first, then by type, then by id. */
function publicationOrder(config: Config): (a: PublishedDocument, b: PublishedDocument) => number {
  const { order } = config.publish;
  const rank = (d: PublishedDocument) => (order.includes(d.id) ? order.indexOf(d.id) : order.length);
  const typeRank = (d: PublishedDocument) => {
    const index = (DOCUMENT_TYPES as readonly string[]).indexOf(d.type);
    return index === -1 ? DOCUMENT_TYPES.length : index;
  };
  return (a, b) => rank(a) - rank(b) || typeRank(a) - typeRank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Why a document is not published in this scope; undefined when it is. */
function leftOutReason(config: Config, doc: PublishedDocument, scope: PublicationScope): LeftOutReason | undefined {
  const audience = scope.audience === undefined ? undefined : audienceOf(config, scope.audience);
  if (audience && !clearedFor(config, audience.maxClassification, doc.classification)) return 'audience';
  if (scope.approvedOnly && !doc.validlyApproved && !doc.retired) return 'not-approved';
  return undefined;
}

/** Whether a document is one this publication publishes (its exports show only those). */
export function publishedIn(publication: Publication): (doc: SourceDocument) => boolean {
  const ids = new Set(publication.documents.map((d) => d.id));
  return (doc) => doc.meta.id !== undefined && ids.has(doc.meta.id);
}

/**
 * Whether the readers of a publication may see what happened to a document: one it publishes, or
 * one no longer in the workspace (deleted) whose last classification they may read.
 */
export function shownInPublication(workspace: Workspace, publication: Publication): (doc: { id: string; classification: string | undefined }) => boolean {
  const { config } = workspace;
  const published = new Set(publication.documents.map((d) => d.id));
  const present = new Set(workspace.documents.map((d) => d.meta.id));
  const max = publication.audience === undefined ? undefined : audienceOf(config, publication.audience)?.maxClassification;
  return (doc) => published.has(doc.id) || (!present.has(doc.id) && clearedFor(config, max, doc.classification));
}

/**
 * Why an approval is not shown as approved, in one sentence: git could not prove it (no repository,
 * a shallow clone, a repository git refuses to read, or no history of the document), or the chain of
 * trust finds it not valid.
 */
function approvalProblem(git: GitEvidence | undefined, tracked: boolean): string {
  if (!git || git.status.kind !== 'ok')
    return `This approval could not be proven from git: ${git ? repositoryStatusWords(git.status) : 'git history was not read'}. The document is published as a DRAFT.`;
  if (!tracked) return 'This approval could not be proven from git: git has no history of this document. The document is published as a DRAFT.';
  return 'This approval is not valid (see isms validate): the document is published as a DRAFT.';
}

/**
 * Everything the site and the PDFs show, worked out once, for one audience (and, in a release,
 * approved documents only). A document is shown as approved only when git proves its approval valid
 * (judgeApproval, the judgement the approval rules report from), whatever severity those rules have.
 * No I/O.
 */
export function buildPublication(workspace: Workspace, git: GitEvidence | undefined, build: { buildTime: string; asOf: string; commit?: string } & PublicationScope): Publication {
  const { config } = workspace;
  const seen = new Set<string>();
  const documents: PublishedDocument[] = [];
  for (const doc of workspace.documents) {
    const { meta } = doc;
    if (!doc.data || !meta.id || !ID.test(meta.id) || seen.has(meta.id)) continue;
    seen.add(meta.id);
    const approved = meta.status === 'approved' && meta.approval?.by && meta.approval.name && meta.approval.date;
    const evidence = git?.status.kind === 'ok' ? git.document(doc) : undefined;
    const judged = approved && git && evidence ? judgeApproval(git, evidence, doc, config, build.asOf) : undefined;
    const valid = Boolean(approved) && judged?.valid === true;
    let approval: PublishedApproval | undefined;
    if (approved) {
      approval = { name: meta.approval!.name!, role: meta.approval!.by!, roleTitle: roleTitle(config, meta.approval!.by!), date: meta.approval!.date! };
      if (valid && judged?.commit && judged.proof) {
        const c = judged.commit;
        const commit = { hash: c.hash, short: c.hash.slice(0, 7), author: c.authorName, email: c.authorEmail, date: c.authorDate.slice(0, 10), proof: judged.proof, signed: judged.signed };
        approval.commit = { ...commit, sentence: proofSentence(commit) };
      } else {
        approval.problem = approvalProblem(git, evidence !== undefined);
      }
    }
    const nextReview = reviewSchedule(meta, config)?.due;
    const record = isRecord(doc.data) ? doc.data : {};
    documents.push({
      source: doc,
      id: meta.id,
      title: meta.title ?? meta.id,
      type: meta.type ?? 'other',
      owner: meta.owner ?? '',
      ownerTitle: meta.owner ? roleTitle(config, meta.owner) : '',
      classification: meta.classification ?? '',
      status: meta.status ?? 'draft',
      statusShown: meta.status === 'approved' && !valid ? 'approved (not valid: DRAFT)' : (meta.status ?? 'draft'),
      version: meta.version ?? '',
      ...(approval ? { approval } : {}),
      validlyApproved: valid,
      ...(nextReview ? { nextReview } : {}),
      history: (doc.history?.rows ?? []).map(({ version, date, author, details }) => ({ version, date, author, details })),
      distribution: (Array.isArray(record['distribution']) ? record['distribution'] : []).filter(isRecord).map((d) => ({ to: text(d['to']), audience: text(d['audience']) })),
      ...(meta.type === 'soa' ? { soa: soaView(doc, config) } : {}),
      ...(meta.type === 'risk-register' ? { risks: riskView(doc, config) } : {}),
      ...(doc.format === 'yaml' && meta.type !== 'soa' && meta.type !== 'risk-register' ? { record: recordView(doc, config, build.asOf) } : {}),
      retired: meta.status === 'retired',
      ...(build.commit && evidence?.uncommitted === 'clean' && evidence.headBlob ? { committed: { commit: build.commit, blob: evidence.headBlob } } : {}),
      // Git evidence already holds the facts of this very text; without it, the same function reads them.
      fingerprint: git?.document(doc)?.working.fingerprint ?? revisionFacts(doc.text ?? '', doc.format).fingerprint,
      page: `${meta.id}.html`,
      pdf: `pdf/${meta.id}.pdf`,
    });
  }
  documents.sort(publicationOrder(config));
  const leftOut: LeftOut[] = [];
  const published = documents.filter((doc) => {
    const reason = leftOutReason(config, doc, build);
    if (reason) leftOut.push({ id: doc.id, reason });
    return reason === undefined;
  });
  const excluded = new Set(config.publish.exclude);
  const coverage = coverageView(workspace, documents, published, build.approvedOnly === true);
  return {
    organization: config.organization,
    title: config.publish.title,
    buildTime: build.buildTime,
    ...(build.commit ? { commit: build.commit } : {}),
    ...(build.audience !== undefined ? { audience: build.audience } : {}),
    documents: published,
    manual: published.filter((doc) => !doc.retired && !excluded.has(doc.id)),
    leftOut,
    ...(coverage ? { coverage } : {}),
  };
}

/**
 * The coverage of the clauses that require documented information, by the published documents; a
 * document withheld from this audience still covers its clause (unnamed), one left out of a release
 * as not approved does not. Whether each covering document is validly approved is shown, and counted.
 */
function coverageView(workspace: Workspace, all: readonly PublishedDocument[], published: readonly PublishedDocument[], approvedOnly: boolean): Publication['coverage'] {
  const { config, documents } = workspace;
  if (!config.mandatoryDocuments && !documents.some((doc) => (doc.meta.covers?.length ?? 0) > 0)) return undefined;
  const bySource = new Map(all.map((doc) => [doc.source, doc]));
  const shownIds = new Set(published.map((doc) => doc.id));
  const clauses = clauseCoverage(documents, config).map(({ clause, live }): PublishedClause => {
    const covering = live.flatMap((doc) => bySource.get(doc) ?? []);
    const shown = covering.filter((doc) => shownIds.has(doc.id));
    // Not shown: withheld from this audience, or (in a release) left out as not approved, which covers nothing here.
    const withheld = covering.filter((doc) => !shownIds.has(doc.id) && (!approvedOnly || doc.validlyApproved));
    return {
      ...clause,
      documents: shown.map((doc) => ({
        id: doc.id,
        title: doc.title,
        page: doc.page,
        approved: doc.validlyApproved,
        ...(doc.validlyApproved ? {} : { note: doc.status === 'approved' ? 'approval not valid' : doc.status }),
      })),
      coveredElsewhere: shown.length === 0 && withheld.length > 0,
      coveredByApproved: covering.some((doc) => doc.validlyApproved),
    };
  });
  return {
    edition: catalogOf(config.standard).name,
    covered: clauses.filter((c) => c.documents.length > 0 || c.coveredElsewhere).length,
    coveredByApproved: clauses.filter((c) => c.coveredByApproved).length,
    clauses,
  };
}
