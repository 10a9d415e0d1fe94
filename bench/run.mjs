// npm run bench: wall time and peak memory of isms on the synthetic repository, full and half size.
import { spawnSync } from 'node:child_process';
import { cpus, tmpdir, totalmem } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { PATHOLOGICAL, writeCase } from './pathological.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const catalog = path.join(here, '..', 'data', 'catalog', 'iso27001-2022-annex-a.yaml');
const measure = path.join(here, 'measure.mjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

const SIZES = [
  { name: 'half', documents: 150, risks: 1000, commits: 1500 },
  { name: 'full', documents: 300, risks: 2000, commits: 3000 },
];

const CASES = [
  { name: 'validate --no-git', args: (asOf) => ['validate', '--no-git', '--as-of', asOf] },
  { name: 'validate (git)', args: (asOf) => ['validate', '--as-of', asOf] },
  { name: 'build --html', args: () => ['build', '--html', '--out', '_bench-site'] },
];

function run(cwd, args) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, [measure, ...args], { cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const rss = Number(/maxrss=(\d+)/.exec(child.stderr)?.[1] ?? NaN) / 1024;
  if (child.status === 2) throw new Error(`isms ${args.join(' ')} failed:\n${child.stderr}`);
  return { ms, rss, code: child.status };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
const hostile = [];
const root = mkdtempSync(path.join(tmpdir(), 'isms-bench-'));
try {
  for (const [index, testCase] of PATHOLOGICAL.entries()) {
    const dir = path.join(root, `pathological-${index}`);
    writeCase(dir, testCase);
    hostile.push({ ...testCase, ...run(dir, testCase.args) });
  }
  for (const size of SIZES) {
    const dir = path.join(root, size.name);
    const started = Date.now();
    const { asOf } = generate(dir, size, catalog);
    process.stderr.write(`generated ${size.name}: ${size.documents} documents, ${size.risks} risks, ${size.commits} commits in ${Date.now() - started} ms\n`);
    for (const testCase of CASES) {
      run(dir, testCase.args(asOf)); // warm the file cache
      const results = Array.from({ length: RUNS }, () => run(dir, testCase.args(asOf)));
      rows.push({ size: size.name, case: testCase.name, ms: median(results.map((r) => r.ms)), rss: Math.max(...results.map((r) => r.rss)), exit: results[0].code });
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

console.log(`isms benchmark: node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 2 ** 30)} GiB; median of ${RUNS} runs`);
console.log('');
console.log('| size | command | wall time | peak memory | exit |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.size} | isms ${row.case} | ${(row.ms / 1000).toFixed(2)} s | ${Math.round(row.rss)} MB | ${row.exit} |`);
console.log('');
for (const testCase of CASES) {
  const half = rows.find((r) => r.size === 'half' && r.case === testCase.name);
  const full = rows.find((r) => r.size === 'full' && r.case === testCase.name);
  if (half && full) console.log(`${testCase.name}: full / half = ${(full.ms / half.ms).toFixed(2)}`);
}
console.log('');
console.log('Pathological documents (one run each):');
console.log('');
console.log('| document | command | wall time | peak memory | exit |');
console.log('|---|---|---|---|---|');
for (const row of hostile) console.log(`| ${row.name} | isms ${row.args[0]}${row.args[1]?.startsWith('--') && row.args[1] !== '--out' ? ` ${row.args[1]}` : ''} | ${(row.ms / 1000).toFixed(2)} s | ${Math.round(row.rss)} MB | ${row.code} |`);
const worst = hostile.reduce((a, b) => (b.ms > a.ms ? b : a));
console.log('');
console.log(`worst case: ${worst.name}, ${(worst.ms / 1000).toFixed(2)} s`);
