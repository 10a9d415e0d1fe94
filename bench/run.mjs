// npm run bench: wall time and peak memory of isms on the synthetic repository, full and half size,
// side by side with markdownlint-cli2 on the same Markdown files and with a bare `node -e ""`.
// Every measured command runs once per round, round after round, so all of them see the same load.
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { timeHistoryReaders } from './history-reader.mjs';
import { PATHOLOGICAL, writeCase } from './pathological.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const catalog = path.join(here, '..', 'data', 'catalog', 'iso27001-2022-annex-a.yaml');
const measure = path.join(here, 'measure.mjs');
const measureMarkdownlint = path.join(here, 'measure-markdownlint.mjs');
const bin = path.join(here, '..', 'bin', 'isms.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const STARTUP_RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 21);

const SIZES = [
  { name: 'half', documents: 150, risks: 1000, commits: 1500 },
  { name: 'full', documents: 300, risks: 2000, commits: 3000 },
];

// The `cached` run reads what the run before it left in .git/isms-cache (the warm-up run writes it).
const CASES = [
  { name: 'isms validate --no-git', script: measure, args: (asOf) => ['validate', '--no-git', '--as-of', asOf] },
  { name: 'isms validate (git, --no-cache)', script: measure, args: (asOf) => ['validate', '--no-cache', '--as-of', asOf] },
  { name: 'isms validate (git, cached)', script: measure, args: (asOf) => ['validate', '--as-of', asOf] },
  { name: 'markdownlint-cli2 docs/**/*.md', script: measureMarkdownlint, args: () => ['docs/**/*.md'] },
  { name: 'isms build --html', script: measure, args: () => ['build', '--html', '--out', '_bench-site'] },
  // Evidence for auditors, each against validate with git (cached, as they are): the workbooks and the whole history's changes.
  { name: 'isms export risks (xlsx, cached)', script: measure, args: () => ['export', 'risks', '--output', '_bench-risks.xlsx', '--force'] },
  { name: 'isms export register (xlsx, cached)', script: measure, args: () => ['export', 'register', '--output', '_bench-register.xlsx', '--force'] },
  { name: 'isms export soa (xlsx, cached)', script: measure, args: () => ['export', 'soa', '--output', '_bench-soa.xlsx', '--force'] },
  { name: 'isms changes (whole history, json, cached)', script: measure, args: () => ['changes', '2019-12-31', 'HEAD', '--format', 'json'] },
];
const MARKDOWNLINT = CASES[3].name;
const VALIDATE_CACHED = CASES[2].name;
const AUDITOR_CASES = CASES.slice(5);

function run(cwd, script, args) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [script, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(/maxrss=(\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1024;
  const cpu = Number(/cpu=([\d.]+)/.exec(child.stderr)?.[1] ?? NaN);
  if (child.status === 2) throw new Error(`${path.basename(script)} ${args.join(' ')} failed:\n${child.stderr}`);
  return { ms, rss, cpu, code: child.status };
}

/** Wall time of a bare process start, in ms. */
function start(args) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${child.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const rows = [];
const hostile = [];
const historyRows = [];
const root = mkdtempSync(path.join(tmpdir(), 'isms-bench-'));
const load = loadavg()[0];
let startupRows;
try {
  // Start-up: `isms --version` and `isms rules` against `node -e ""`, interleaved.
  const startup = { node: [], version: [], rules: [] };
  for (let i = 0; i < STARTUP_RUNS; i++) {
    startup.node.push(start(['-e', '']));
    startup.version.push(start([bin, '--version']));
    startup.rules.push(start([bin, 'rules']));
  }
  startupRows = Object.fromEntries(Object.entries(startup).map(([name, times]) => [name, median(times)]));

  // Warmed up once, then the median of three, at each size.
  timeHistoryReaders(1 << 16);
  for (const size of [1 << 16, 1 << 20]) {
    const times = [0, 1, 2].map(() => timeHistoryReaders(size));
    historyRows.push({ size, ms: median(times.map((t) => t.total)), slowest: times.reduce((a, b) => (b.slowest.ms > a.slowest.ms ? b : a)).slowest });
  }

  for (const [index, testCase] of PATHOLOGICAL.entries()) {
    const dir = path.join(root, `pathological-${index}`);
    writeCase(dir, testCase);
    hostile.push({ ...testCase, ...run(dir, measure, testCase.args) });
  }
  for (const size of SIZES) {
    const dir = path.join(root, size.name);
    const started = Date.now();
    const { asOf } = generate(dir, size, catalog);
    process.stderr.write(`generated ${size.name}: ${size.documents} documents, ${size.risks} risks, ${size.commits} commits in ${Date.now() - started} ms\n`);
    for (const testCase of CASES) run(dir, testCase.script, testCase.args(asOf)); // warm the file cache (and write the evidence cache)
    const results = new Map(CASES.map((testCase) => [testCase.name, []]));
    for (let round = 0; round < RUNS; round++) {
      for (const testCase of CASES) results.get(testCase.name).push(run(dir, testCase.script, testCase.args(asOf)));
    }
    for (const testCase of CASES) {
      const measured = results.get(testCase.name);
      rows.push({
        size: size.name,
        case: testCase.name,
        ms: median(measured.map((r) => r.ms)),
        cpu: median(measured.map((r) => r.cpu)),
        rss: Math.max(...measured.map((r) => r.rss)),
        exit: measured[0].code,
      });
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

const find = (size, name) => rows.find((r) => r.size === size && r.case === name);
console.log(
  `isms benchmark: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${load.toFixed(1)} at the start; median of ${RUNS} interleaved runs`,
);
console.log('');
console.log('| size | command | wall time | / markdownlint-cli2 | peak memory | exit |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) {
  const ratio = (row.ms / find(row.size, MARKDOWNLINT).ms).toFixed(2);
  console.log(`| ${row.size} | ${row.case} | ${seconds(row.ms)} | ${ratio} | ${Math.round(row.rss)} MB | ${row.exit} |`);
}
console.log('');
// CPU time (of the isms process, git's processes aside) moves less with the machine's load than wall time.
console.log('Evidence for auditors against isms validate (git, cached), wall time, and CPU time in brackets (target: at most 1.00):');
for (const size of SIZES) {
  const ratio = (c, key) => (find(size.name, c.name)[key] / find(size.name, VALIDATE_CACHED)[key]).toFixed(2);
  console.log(`- ${size.name}: ${AUDITOR_CASES.map((c) => `${c.name.replace(/^isms /, '')} ${ratio(c, 'ms')} (${ratio(c, 'cpu')})`).join('; ')}`);
}
console.log('');
console.log('Linear growth (full / half, wall time):');
for (const testCase of CASES) console.log(`- ${testCase.name}: ${(find('full', testCase.name).ms / find('half', testCase.name).ms).toFixed(2)}`);
console.log('');
console.log(
  `Start-up (median of ${STARTUP_RUNS}): node -e "" ${startupRows.node.toFixed(0)} ms; isms --version ${startupRows.version.toFixed(0)} ms (${(startupRows.version / startupRows.node).toFixed(2)}x); isms rules ${startupRows.rules.toFixed(0)} ms (${(startupRows.rules / startupRows.node).toFixed(2)}x)`,
);
console.log('');
console.log('Pathological documents (one run each):');
console.log('');
console.log('| document | command | wall time | peak memory | exit |');
console.log('|---|---|---|---|---|');
for (const row of hostile)
  console.log(
    `| ${row.name} | isms ${row.args[0]}${row.args[1]?.startsWith('--') && row.args[1] !== '--out' ? ` ${row.args[1]}` : ''} | ${seconds(row.ms)} | ${Math.round(row.rss)} MB | ${row.code} |`,
  );
const worst = hostile.reduce((a, b) => (b.ms > a.ms ? b : a));
console.log('');
console.log(`worst case: ${worst.name}, ${seconds(worst.ms)}`);
console.log('');
console.log('Version-history readers on backtracking bait (median of 3; every input, each reader):');
for (const row of historyRows) console.log(`- ${row.size / 1024} KiB: ${row.ms.toFixed(0)} ms (slowest input ${row.slowest.input}, ${row.slowest.ms.toFixed(0)} ms)`);
console.log(`- 1 MiB / 64 KiB: ${(historyRows[1].ms / historyRows[0].ms).toFixed(1)} (linear: about 16)`);
