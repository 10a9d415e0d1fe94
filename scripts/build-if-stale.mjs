// `npm start` builds only when the build is missing or older than what it is built from, so that
// `npm install && npm start` builds once (npm install builds through `prepare`).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2] ? path.resolve(process.argv[2]) : path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const check = process.argv.includes('--check');
// The build's last output (scripts/build-rule-catalogue.mjs), and what the build reads.
const stamp = path.join(root, 'dist', 'rules', 'catalogue.json');
const inputs = ['src', 'schemas', 'scripts', 'tsconfig.json', 'package.json'];

function newest(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((latest, name) => Math.max(latest, newest(path.join(entry, name))), stat.mtimeMs);
}

const stale = !existsSync(stamp) || inputs.some((input) => newest(path.join(root, input)) > statSync(stamp).mtimeMs);
if (check) {
  console.log(stale ? 'stale' : 'fresh');
} else if (stale) {
  const npm = process.env.npm_execpath ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
  const run = spawnSync(npm[0], [...npm[1], 'run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exitCode = run.status ?? 1;
}
