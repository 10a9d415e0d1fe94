/** "4.1 Scope:" and "Scope" are the same section. */
export function sectionName(text: string): string {
  return text
    .replace(/^(?:\d+(?:\.\d+)*\.?|[A-Z]\.\d+(?:\.\d+)*)\s+/, '')
    .replace(/[:.]$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
