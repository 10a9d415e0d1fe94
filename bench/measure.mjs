// Runs the CLI in this process and prints its peak resident memory (maxRSS, KiB) and its CPU time
// (user and system, ms; git's own processes are not counted) on stderr at exit.
import { main } from '../dist/cli/main.js';

const code = await main(process.argv.slice(2), { stdout: { write: () => true }, stderr: process.stderr, cwd: process.cwd(), env: process.env });
const usage = process.resourceUsage();
process.stderr.write(`\nmaxrss=${usage.maxRSS}\ncpu=${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
process.exitCode = code;
