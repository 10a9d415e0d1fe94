import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fitColumns } from '../../src/render/pdf/pdf-table.js';
import { runCli } from '../helpers/cli.js';
import { policy, REPO_CONFIG, TestRepo, WRITER } from '../helpers/git-repo.js';
import { readPdf, readPdfLayout } from '../helpers/pdf.js';

const cleanup: string[] = [];
afterAll(() => cleanup.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Builds the PDFs of a repository whose policy has `body` as its policy statement; returns the policy's PDF. */
async function policyPdf(body: string): Promise<string> {
  const repo = new TestRepo();
  cleanup.push(repo.dir);
  repo.write('isms.config.yaml', REPO_CONFIG).write('policy.md', policy({ body })).commit('Draft', WRITER, '2026-01-05');
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-tables-')), 'site');
  cleanup.push(path.dirname(out));
  const run = await runCli(['build', '--pdf', '--out', out], repo.dir);
  expect(run.code, run.stderr).toBe(0);
  return path.join(out, 'pdf/DOC-A5.pdf');
}

describe('tables in PDFs', () => {
  it('never leaves a header row alone at the foot of a page, and never splits a row across pages', async () => {
    // Tables of different heights after paragraphs of different lengths land at every height of a page.
    const body = Array.from({ length: 36 }, (_, t) => {
      const lead = `Table ${t} follows. ${'Some words to fill the line. '.repeat(t % 6)}`;
      const rows = Array.from({ length: 1 + (t % 4) }, (_, r) => `| first${t}x${r} | ${'detail '.repeat(8 + ((t * 7 + r * 3) % 30))}last${t}x${r} |`);
      return `${lead}\n\n| Step | Details |\n|---|---|\n${rows.join('\n')}`;
    }).join('\n\n');
    const { pages } = await readPdfLayout(await policyPdf(body));
    const pageOf = (text: string) => pages.findIndex((page) => page.words.some((w) => w.text === text));
    let headers = 0;
    pages.forEach((page, n) => {
      for (const header of page.words.filter((w) => w.text === 'Step' && w.font === 'DejaVuSans-Bold')) {
        headers++;
        // The header is followed on its page by a row of its table.
        expect(
          page.words.some((w) => /^first\d+x\d+$/.test(w.text) && w.y < header.y),
          `header alone at the foot of page ${n + 1}`,
        ).toBe(true);
      }
    });
    expect(headers).toBeGreaterThanOrEqual(36);
    for (let t = 0; t < 36; t++) {
      for (let r = 0; r < 1 + (t % 4); r++) expect(pageOf(`last${t}x${r}`), `row ${r} of table ${t}`).toBe(pageOf(`first${t}x${r}`));
    }
  }, 60_000);

  it('lays out all of a row taller than a page (pdfmake drops a row it is told to keep whole and cannot)', async () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`);
    const { pages } = await readPdf(await policyPdf(`| Step | Details |\n|---|---|\n| first | ${words.join(' ')} |\n| second | short |`));
    const text = pages.join(' ');
    expect(text).toContain('first');
    expect(text.match(/word\d+/g)).toEqual(words);
    expect(text).toContain('second short');
  }, 60_000);

  it('fits columns as an automatic table does: each at least its widest word, the rest by need', () => {
    expect(fitColumns([20, 30], [40, 200], 300)).toEqual([40 + (60 * 40) / 240, 200 + (60 * 200) / 240]);
    const widths = fitColumns([20, 30, 50], [40, 300, 50], 200);
    expect(widths[0]).toBeGreaterThanOrEqual(20);
    expect(widths[1]).toBeGreaterThanOrEqual(30);
    expect(widths[2]).toBe(50);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(200);
    // Words too wide to stand side by side: each column in proportion to its widest word.
    expect(fitColumns([100, 300], [100, 300], 200)).toEqual([50, 150]);
  });
});
