import { escapeHtml } from './escape.js';

const LEVEL_COLOURS = ['#9bd39b', '#f4e285', '#f4a259', '#e5625e', '#b23a48', '#7a1e2e'];

export interface HeatMapInput {
  title: string;
  likelihood: readonly string[];
  impact: readonly string[];
  levels: readonly string[];
  counts: readonly (readonly number[])[];
  cellLevels: readonly (readonly number[])[];
}

/**
 * A likelihood x impact grid as inline SVG (no request, no script): highest likelihood at the top,
 * cells coloured by risk level, each with its count of risks. Readable in print and without colour,
 * since the count and an accessible title say everything.
 */
export function heatMapSvg(input: HeatMapInput): string {
  const cell = 56;
  const left = 118;
  const top = 34;
  const rows = input.likelihood.length;
  const columns = input.impact.length;
  const width = left + columns * cell + 10;
  const height = top + rows * cell + 62;
  const parts: string[] = [];
  const total = input.counts.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="heat-map" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" aria-labelledby="hm-${escapeHtml(input.title).replace(/\W+/g, '-')}">`,
  );
  parts.push(`<title id="hm-${escapeHtml(input.title).replace(/\W+/g, '-')}">${escapeHtml(`${input.title}: ${total} risks by likelihood and impact`)}</title>`);
  parts.push(`<text x="${left}" y="20" class="hm-title">${escapeHtml(input.title)}</text>`);
  for (let r = 0; r < rows; r++) {
    const likelihood = rows - r; // top row is the highest likelihood
    const y = top + r * cell;
    parts.push(`<text x="${left - 8}" y="${y + cell / 2 + 4}" text-anchor="end" class="hm-axis">${likelihood} ${escapeHtml(input.likelihood[likelihood - 1] ?? '')}</text>`);
    for (let c = 0; c < columns; c++) {
      const level = input.cellLevels[likelihood - 1]?.[c] ?? 0;
      const count = input.counts[likelihood - 1]?.[c] ?? 0;
      const x = left + c * cell;
      const label = `likelihood ${likelihood}, impact ${c + 1}, ${input.levels[level] ?? ''}: ${count} risk${count === 1 ? '' : 's'}`;
      parts.push(`<g><title>${escapeHtml(label)}</title><rect x="${x}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="${LEVEL_COLOURS[level] ?? '#ccc'}" stroke="#fff"/>`);
      if (count > 0) parts.push(`<text x="${x + cell / 2 - 1}" y="${y + cell / 2 + 6}" text-anchor="middle" class="hm-count">${count}</text>`);
      parts.push('</g>');
    }
  }
  for (let c = 0; c < columns; c++) {
    const x = left + c * cell + cell / 2 - 1;
    parts.push(`<text x="${x}" y="${top + rows * cell + 16}" text-anchor="middle" class="hm-axis">${c + 1}</text>`);
    parts.push(`<text x="${x}" y="${top + rows * cell + 30}" text-anchor="middle" class="hm-axis hm-small">${escapeHtml(input.impact[c] ?? '')}</text>`);
  }
  parts.push(`<text x="${left + (columns * cell) / 2}" y="${top + rows * cell + 52}" text-anchor="middle" class="hm-axis">Impact</text>`);
  parts.push('</svg>');
  return parts.join('');
}

export function levelColour(level: number): string {
  return LEVEL_COLOURS[level] ?? '#ccc';
}
