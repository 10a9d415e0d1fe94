// Runs the CLI in this process and prints its peak resident memory (maxRSS, KiB) on stderr at exit.
import { main } from '../dist/cli/main.js';

const code = await main(process.argv.slice(2), { stdout: { write: () => true }, stderr: process.stderr, cwd: process.cwd(), env: process.env });
process.stderr.write(`\nmaxrss=${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;
