import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, runCli } from '../helpers/cli.js';

/** The README's command table: each command (`soa migrate` included) with the long options it names. */
function readmeCommands(): Map<string, Set<string>> {
  const readme = readFileSync(path.resolve('README.md'), 'utf8');
  const block = /## Commands\n\n```\n([\s\S]*?)\n```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md has no command table under "## Commands"');
  const commands = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  for (const line of block.split('\n')) {
    if (line.startsWith('isms ')) {
      const words = line.slice(5).trim().split(/\s+/);
      const name =
        words
          .slice(
            0,
            words.findIndex((word) => /^[[<-]/.test(word)),
          )
          .join(' ') || words.join(' ');
      commands.set(name, (current = new Set()));
    }
    for (const [option] of line.matchAll(/--[a-z][a-z-]*/g)) current?.add(option);
  }
  return commands;
}

/** The long options `isms <command> --help` lists (but --help). */
async function helpOptions(command: string): Promise<Set<string>> {
  const run = await runCli([...command.split(' '), '--help'], fixture('clean'));
  expect(run.code).toBe(0);
  const options = /\nOptions:\n([\s\S]*?)\n\n/.exec(run.stdout)?.[1] ?? '';
  return new Set([...options.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => m[1]!).filter((option) => option !== '--help'));
}

/** The commands `--help` lists, with the subcommands of a group (`soa migrate`). */
async function helpCommands(): Promise<string[]> {
  const list = async (prefix: string[]): Promise<string[]> => {
    const run = await runCli([...prefix, '--help'], fixture('clean'));
    const commands = /\nCommands:\n([\s\S]*?)(\n\n|$)/.exec(run.stdout)?.[1] ?? '';
    const names = [...commands.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1]!).filter((name) => name !== 'help');
    const result: string[] = [];
    for (const name of names) {
      const sub = await list([...prefix, name]);
      result.push(...(sub.length > 0 ? sub : [[...prefix, name].join(' ')]));
    }
    return result;
  };
  return list([]);
}

describe("the README's command table", () => {
  it('names exactly the commands --help lists', async () => {
    expect([...readmeCommands().keys()].sort()).toEqual((await helpCommands()).sort());
  });

  it("names exactly the long options of each command's --help", async () => {
    for (const [command, options] of readmeCommands()) {
      expect({ command, options: [...options].sort() }).toEqual({ command, options: [...(await helpOptions(command))].sort() });
    }
  });
});
