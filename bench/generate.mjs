// Generates the synthetic documents repository of DESIGN section 7 with `git fast-import`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';

const WRITER = { name: 'P. Writer', email: 'writer@bench.example' };
const CISO = { name: 'M. Woolard', email: 'ciso@bench.example' };
const START = Date.UTC(2020, 0, 1) / 1000;
const STEP = 6 * 3600;

const config = `organization: Bench Org
roles:
  ciso: { title: CISO, members: [{ name: ${CISO.name}, email: ${CISO.email} }] }
  writer: { title: Writer, members: [{ name: ${WRITER.name}, email: ${WRITER.email} }] }
approvers:
  "*": [ciso]
review_interval_months: 120
risk:
  likelihood: [Rare, Unlikely, Possible, Likely, Almost certain]
  impact: [Negligible, Minor, Moderate, Major, Severe]
  scoring: multiply
  levels: [{ name: low, max: 4 }, { name: medium, max: 9 }, { name: high, max: 15 }, { name: critical, max: 25 }]
  acceptable: medium
  escalation: ciso
`;

const day = (t) => new Date(t * 1000).toISOString().slice(0, 10);

function markdownDoc(n, state) {
  const id = `DOC-${String(n).padStart(3, '0')}`;
  const rows = state.rows.map((r) => `| ${r.version} | ${r.date} | ${r.author} | ${r.details} |`).join('\n');
  const approval = state.approval ? `approval: { by: ciso, name: ${CISO.name}, date: ${state.approval} }\n` : '';
  const sections = Array.from({ length: 8 }, (_, s) => `## Section ${s + 1}\n\n${`Procedure ${id} step ${s + 1}, revision ${state.revision}. `.repeat(6)}\n`).join('\n');
  return `---\nid: ${id}\ntitle: Procedure ${n}\ntype: procedure\nowner: ciso\nclassification: internal\nstatus: ${state.status}\nversion: "${state.rows.at(-1).version}"\n${approval}---\n\n# Procedure ${n}\n\n${sections}\n## Version history\n\n| Version | Date | Author(s) | Details |\n|---|---|---|---|\n${rows}\n`;
}

function soa(catalog, date) {
  const controls = catalog
    .map((c) => `  - { control: "${c.id}", applicable: true, reasons: [risk], justification: "Needed for ${c.title.replace(/"/g, '')}", implementation: implemented, owner: ciso }`)
    .join('\n');
  return `id: DOC-SOA\ntitle: Statement of Applicability\ntype: soa\nstandard: iso27001-2022\nowner: ciso\nclassification: internal\nstatus: draft\nversion: "0.1"\nversions:\n  - { version: "0.1", date: ${date}, author: ${CISO.name}, details: First draft }\ncontrols:\n${controls}\n`;
}

function register(count, catalog, date) {
  const risks = Array.from({ length: count }, (_, i) => {
    const l = (i % 5) + 1;
    const imp = ((i * 7) % 5) + 1;
    const control = catalog[i % catalog.length].id;
    return `  - { id: R-${String(i + 1).padStart(4, '0')}, title: Risk ${i + 1}, owner: ciso, cia: [confidentiality], likelihood: ${l}, impact: ${imp}, treatment: modify, controls: ["${control}"], residual: { likelihood: 1, impact: ${imp} }, acceptance: { by: ciso, date: ${date} }, next_review: 2099-01-01 }`;
  }).join('\n');
  return `id: DOC-RR\ntitle: Risk register\ntype: risk-register\nstandard: iso27001-2022\nowner: ciso\nclassification: confidential\nstatus: draft\nversion: "0.1"\nversions:\n  - { version: "0.1", date: ${date}, author: ${CISO.name}, details: First draft }\nrisks:\n${risks}\n`;
}

/** Writes a repository of `documents` Markdown documents, an SoA, a register of `risks` and `commits` commits. */
export function generate(dir, { documents, risks, commits }, catalogFile) {
  const catalog = parse(readFileSync(catalogFile, 'utf8'));
  mkdirSync(dir, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  const chunks = [];
  let mark = 0;
  const blob = (text) => {
    const data = Buffer.from(text);
    chunks.push(Buffer.from(`blob\nmark :${++mark}\ndata ${data.length}\n`), data, Buffer.from('\n'));
    return mark;
  };
  let previous;
  const commit = (who, time, message, files) => {
    const marks = files.map(([file, text]) => [file, blob(text)]);
    const msg = Buffer.from(message);
    const header = [`commit refs/heads/main`, `mark :${++mark}`, `author ${who.name} <${who.email}> ${time} +0000`, `committer ${who.name} <${who.email}> ${time} +0000`, `data ${msg.length}`].join(
      '\n',
    );
    chunks.push(Buffer.from(`${header}\n`), msg, Buffer.from(`\n${previous ? `from :${previous}\n` : ''}${marks.map(([file, m]) => `M 100644 :${m} ${file}\n`).join('')}\n`));
    previous = mark;
  };

  const states = Array.from({ length: documents }, () => ({
    rows: [{ version: '0.1', date: day(START), author: WRITER.name, details: 'First draft' }],
    status: 'draft',
    approval: undefined,
    revision: 0,
    minor: 0,
  }));
  commit(WRITER, START, 'Baseline', [
    ['isms.config.yaml', config],
    ['statement-of-applicability.yaml', soa(catalog, day(START))],
    ['risk/register.yaml', register(risks, catalog, day(START))],
    ...states.map((state, n) => [`docs/doc-${String(n + 1).padStart(3, '0')}.md`, markdownDoc(n + 1, state)]),
  ]);
  for (let i = 1; i < commits; i++) {
    const n = i % documents;
    const state = states[n];
    const time = START + i * STEP;
    const file = `docs/doc-${String(n + 1).padStart(3, '0')}.md`;
    if (state.status === 'in-review') {
      state.status = 'approved';
      state.approval = day(time);
      commit(CISO, time, `Approve DOC-${n + 1}`, [[file, markdownDoc(n + 1, state)]]);
    } else {
      state.revision++;
      state.minor++;
      state.status = 'in-review';
      state.rows.push({ version: `1.${state.minor}`, date: day(time), author: WRITER.name, details: `Revision ${state.revision}` });
      commit(WRITER, time, `DOC-${n + 1} version 1.${state.minor}`, [[file, markdownDoc(n + 1, state)]]);
    }
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: dir, input: Buffer.concat(chunks), maxBuffer: 1 << 30 });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: dir });
  return { asOf: day(START + commits * STEP) };
}
