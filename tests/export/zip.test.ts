import zlib from 'node:zlib';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { tableCrc32, writeZip } from '../../src/export/zip.js';
import { seededRandom } from '../helpers/random.js';

const entries = [
  { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
  { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet>'.repeat(500)) },
  { name: 'données/é.txt', data: Buffer.from('UTF-8 name') },
  { name: 'empty', data: Buffer.alloc(0) },
];
const TIME = new Date('2026-11-30T10:00:07Z');

describe('the zip a workbook is written as', () => {
  it('holds every entry in order, deflated, with its CRC, dated with the time given', async () => {
    const zip = await JSZip.loadAsync(writeZip(entries, TIME), { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(entries.map((e) => e.name));
    for (const entry of entries) expect(Buffer.from(await zip.file(entry.name)!.async('uint8array'))).toEqual(entry.data);
    // Zip times have a 2-second resolution.
    for (const file of Object.values(zip.files)) expect(file.date.toISOString()).toBe('2026-11-30T10:00:06.000Z');
  });

  it('is the same bytes for the same entries and time, and other bytes at another time', () => {
    expect(writeZip(entries, TIME).equals(writeZip(entries, TIME))).toBe(true);
    expect(writeZip(entries, new Date('2026-12-01T00:00:00Z')).equals(writeZip(entries, TIME))).toBe(false);
  });

  it('computes CRC-32 by table as zlib does, for Node versions without zlib.crc32', () => {
    const random = seededRandom(11);
    for (const length of [0, 1, 7, 1000, 65_537]) {
      const data = Uint8Array.from({ length }, () => Math.floor(random() * 256));
      expect(tableCrc32(data)).toBe(zlib.crc32(data));
    }
  });
});
