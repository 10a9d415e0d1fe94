import { XML_DECLARATION, xmlText } from './xml.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The workbook's table of text (xl/sharedStrings.xml): each text once, cells name it by index. */
export class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private count = 0;

  /** The index of `text`, added at the end the first time it is seen. */
  index(text: string): number {
    this.count++;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.indexes.size;
      this.indexes.set(text, index);
    }
    return index;
  }

  /** The part's XML; leading or trailing white space kept (`xml:space="preserve"`). */
  xml(): string {
    const items: string[] = [];
    for (const text of this.indexes.keys()) items.push(/^\s|\s$/.test(text) ? `<si><t xml:space="preserve">${xmlText(text)}</t></si>` : `<si><t>${xmlText(text)}</t></si>`);
    return `${XML_DECLARATION}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.indexes.size}">${items.join('')}</sst>`;
  }
}
