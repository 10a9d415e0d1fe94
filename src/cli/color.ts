/**
 * Whether a report is coloured, in order: `--color` or `--no-color`; never into an `--output` file
 * without `--color`; `FORCE_COLOR` (`0` or `false`: no colour; anything else: colour), which wins over
 * `NO_COLOR` as in Node.js; `NO_COLOR` set to anything but the empty string (no-color.org); else
 * whether standard output is a terminal.
 */
export function useColor(option: boolean | undefined, env: Readonly<Record<string, string | undefined>>, target: { file: boolean; isTTY: boolean }): boolean {
  if (option !== undefined) return option;
  if (target.file) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if ((env['NO_COLOR'] ?? '') !== '') return false;
  return target.isTTY;
}
