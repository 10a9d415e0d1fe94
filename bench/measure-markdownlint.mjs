// Runs markdownlint-cli2 in this process, as its bin does but writing nothing (as measure.mjs does
// for isms), and prints its peak resident memory (maxRSS, KiB) on stderr at exit.
import { main } from 'markdownlint-cli2';

const code = await main({ argv: process.argv.slice(2), logMessage: () => undefined, logError: () => undefined });
process.stderr.write(`\nmaxrss=${process.resourceUsage().maxRSS}\n`);
process.exitCode = code;
