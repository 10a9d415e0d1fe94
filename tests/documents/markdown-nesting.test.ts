import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/documents/markdown.js';
import { MAX_NESTING } from '../../src/documents/markdown-nesting.js';
import { flattenDeepNesting } from '../../src/documents/markdown-parser.js';
import { markdownTree } from '../../src/render/markdown-tree.js';

/** How many quotes and lists hold the deepest node, walked without recursion. */
function containerDepth(tree: Root): number {
  let deepest = 0;
  const stack: Array<[{ type: string; children?: unknown[] }, number]> = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const own = node.type === 'blockquote' || node.type === 'list' ? depth + 1 : depth;
    deepest = Math.max(deepest, own);
    for (const child of (node.children ?? []) as Array<{ type: string; children?: unknown[] }>) stack.push([child, own]);
  }
  return deepest;
}

/** A small deterministic generator (mulberry32), so failures reproduce. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES = ['>', '> ', '- ', '* ', '+ ', '1. ', '2) ', '  ', '   ', '\t', ''];

function nestedMarkdown(next: () => number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(next() * 30);
  for (let i = 0; i < count; i++) {
    if (next() < 0.1) {
      lines.push('');
      continue;
    }
    let line = '';
    const tokens = Math.floor(next() * 40);
    for (let t = 0; t < tokens; t++) line += PREFIXES[Math.floor(next() * PREFIXES.length)];
    lines.push(`${line}word${i}`);
  }
  return lines.join('\n');
}

describe('nesting of quotes and lists', () => {
  // The bound is where markdown-it (validation, and the renderer since) would open an eleventh level.
  it(`keeps what is published within the bound of ${MAX_NESTING}, and validation reports where it was cut`, () => {
    const next = random(15);
    for (let n = 0; n < 300; n++) {
      const text = nestedMarkdown(next);
      const published = flattenDeepNesting(text);
      expect(containerDepth(markdownTree(text)), text).toBeLessThanOrEqual(MAX_NESTING);
      expect(parseMarkdown(text).problems.length > 0, text).toBe(published !== text);
    }
  });

  it.each([
    ['quotes', '>'.repeat(5000), MAX_NESTING],
    ['list items', '- '.repeat(5000), MAX_NESTING],
    ['ordered list items', '1. '.repeat(5000), MAX_NESTING],
    // As validation reads it: a quote whose tab starts code, in a quote, in a quote.
    ['quotes with tabs, which markdown-it reads as code', '> \t'.repeat(5000), 3],
    ['list items with tabs', '2) \t* '.repeat(5000), MAX_NESTING],
  ])('publishes 5,000 nested %s within the bound', (_, prefix, depth) => {
    const published = markdownTree(`${prefix}deep`);
    expect(containerDepth(published)).toBe(depth);
    expect(JSON.stringify(published)).toContain('deep');
  });

  it('keeps every word of what lies deeper, as text', () => {
    const text = `${'> '.repeat(30)}deep words\n${'> '.repeat(30)}more words`;
    const published = markdownTree(text);
    expect(containerDepth(published)).toBe(MAX_NESTING);
    expect(JSON.stringify(published)).toContain('deep words');
    expect(JSON.stringify(published)).toContain('more words');
  });

  it('publishes quotes nested 8,000 deep in a footnote (which validation does not read) at the bound', () => {
    const published = markdownTree(`Noted.[^1]\n\n[^1]: ${'>'.repeat(8000)} deep`);
    expect(published.children.map((node) => node.type)).toEqual(['paragraph', 'footnoteDefinition']);
    expect(containerDepth(published)).toBe(MAX_NESTING);
    expect(JSON.stringify(published)).toContain('deep');
  });

  it('reports the first marker past the bound, once', () => {
    const problems = parseMarkdown(`Intro\n\n${'- '.repeat(12)}item\n${'>'.repeat(20)} quote`).problems;
    expect(problems).toEqual([
      {
        message: `quotes and lists nested more than ${MAX_NESTING} deep: from here on they are read, and published, as plain text (and 2 more places)`,
        at: { line: 3, column: 21, endLine: 3, endColumn: 22 },
      },
    ]);
  });
});
