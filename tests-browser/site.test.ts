import { mkdtempSync, rmSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../tests/helpers/cli.js';

/** Debian's Chromium, started as the env entry says: headless, no sandbox (root), no background traffic. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = path.resolve('test-results/browser');

describe('the built site in Chromium', () => {
  let browser: Browser;
  let out: string;
  let siteUrl: string;
  const problems: string[] = [];

  beforeAll(async () => {
    out = path.join(mkdtempSync(path.join(tmpdir(), 'isms-browser-')), 'site');
    const build = await runCli(['build', '--html', '--audience', 'auditors', '--out', out], path.resolve('.'));
    expect(build.code, build.stderr).toBe(0);
    siteUrl = pathToFileURL(out).href + '/';
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(path.dirname(out), { recursive: true, force: true });
  });

  /** The text of the elements of a page that take more than one line (their text's line boxes stand at more than one height). */
  async function wrapped(page: Page, selector: string): Promise<string[]> {
    return page.locator(selector).evaluateAll((elements) =>
      elements
        .filter((e) => {
          const range = document.createRange();
          range.selectNodeContents(e);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)));
          return lines.size > 1;
        })
        .map((e) => e.textContent ?? ''),
    );
  }

  /** A page that records console errors, script errors and every request that leaves the site (and blocks it). */
  async function open(file: string, options: { javaScript?: boolean; width?: number } = {}): Promise<Page> {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, viewport: { width: options.width ?? 1280, height: 900 } });
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error on ${file}: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`script error on ${file}: ${error.message}`));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(siteUrl)) return route.continue();
      problems.push(`request left the site from ${file}: ${url}`);
      return route.abort();
    });
    await page.goto(siteUrl + file);
    return page;
  }

  it('shows the document register with every document, approval and PDF link', async () => {
    const page = await open('index.html');
    const rows = page.locator('table.register tbody tr');
    expect(await rows.count()).toBe(15);
    expect(await rows.first().locator('td').first().innerText()).toBe('ISMS-MAN');
    expect(await page.locator('table.register').innerText()).toContain('S. Lindqvist, Executive leadership, 2026-12-01');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'register.png'), fullPage: true });
    await page.context().close();
  });

  it('opens a document page from the register, with its approval, body and version history', async () => {
    const page = await open('index.html');
    await page.getByRole('link', { name: 'Information Security Management System Manual', exact: true }).click();
    expect(page.url()).toBe(siteUrl + 'ISMS-MAN.html');
    expect(await page.locator('h1').innerText()).toBe('Information Security Management System Manual');
    expect(await page.locator('.approval').innerText()).toContain('Approved by S. Lindqvist, Executive leadership, on 2026-12-01.');
    expect(await page.locator('h2', { hasText: 'Scope' }).count()).toBe(1);
    const history = page.locator('#document-control ~ table').first();
    expect(await history.locator('tbody tr').count()).toBe(6); // 0.1, 0.2, 1.0, the 2.0 of the auditor's fixes, 2.1 and 2.2 (clauses covered, records named)
    await page.screenshot({ path: path.join(SCREENSHOTS, 'manual.png'), fullPage: true });
    await page.context().close();
  });

  it('follows a link between documents to the right heading', async () => {
    const page = await open('DOC-A5.html');
    await page.locator('a[href="ISMS-MAN.html#scope"]').first().click();
    expect(page.url()).toBe(siteUrl + 'ISMS-MAN.html#scope');
    expect(await page.locator('#scope').innerText()).toBe('Scope');
    await page.context().close();
  });

  it('shows the SoA by theme and the risk heat maps, readable without JavaScript', async () => {
    const soa = await open('DOC-SOA.html', { javaScript: false });
    expect(await soa.locator('h2').allInnerTexts()).toEqual(expect.arrayContaining(['Organizational controls', 'People controls', 'Physical controls', 'Technological controls']));
    await soa.screenshot({ path: path.join(SCREENSHOTS, 'soa.png') });
    await soa.context().close();
    const risks = await open('DOC-RR.html', { javaScript: false });
    expect(await risks.locator('svg.heat-map').count()).toBe(2);
    expect(await risks.locator('svg.heat-map title').first().textContent()).toMatch(/^Inherent risk: 17 risks by likelihood and impact$/);
    await risks.screenshot({ path: path.join(SCREENSHOTS, 'risks.png'), fullPage: true });
    await risks.context().close();
  });

  it('never wraps an id, a version or a date in the register, even in a narrow window', async () => {
    const page = await open('index.html', { width: 420 });
    const cells = '.register td.id a, .register td.id, .register td.date span, .register .date, .register .status';
    expect(await page.locator(cells).count()).toBeGreaterThan(15);
    expect(await wrapped(page, cells)).toEqual([]);
    // The table scrolls sideways instead; a title still wraps, so the narrow window is narrow enough to wrap what may.
    expect(await wrapped(page, '.register td:nth-child(2) a')).toContain('Information Security Management System Manual');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'register-narrow.png'), fullPage: true });
    await page.context().close();
  });

  it('never wraps a control, document or risk id in the SoA and risk tables, nor a date in a version history', async () => {
    for (const [file, selector] of [
      ['DOC-SOA.html', 'td.id, td a.id, td span.id'],
      ['DOC-RR.html', 'td.id, td span.id, td.date'],
      ['ISMS-MAN.html', '#document-control ~ table td.date, .meta .date'],
    ] as const) {
      const page = await open(file, { width: 420 });
      expect(await page.locator(selector).count(), file).toBeGreaterThan(2);
      expect(await wrapped(page, selector), file).toEqual([]);
      await page.context().close();
    }
  });

  it('opens the Changes page from the navigation, its dates and commits never wrapped, and links the exports from the register', async () => {
    const page = await open('index.html', { javaScript: false });
    expect(await page.locator('ul.exports a').allInnerTexts()).toEqual(['xlsx', 'csv', 'xlsx', 'csv', 'xlsx', 'csv']);
    await page.getByRole('link', { name: 'Changes', exact: true }).click();
    expect(page.url()).toBe(siteUrl + 'changes.html');
    expect(await page.locator('h1').innerText()).toBe('Changes');
    expect(await page.locator('p.counts').first().innerText()).toMatch(/^From .* to [0-9a-f]{7} \(\d{4}-\d{2}-\d{2}\): \d+ commits?\. The 12 months before this build/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'changes.png'), fullPage: true });
    await page.context().close();
    const narrow = await open('changes.html', { width: 420 });
    expect(await wrapped(narrow, '.changes td.date, .changes td.id')).toEqual([]);
    await narrow.context().close();
  });

  it('names each document in the navigation by its title, with its id after it', async () => {
    const page = await open('DOC-A5.html');
    const links = page.locator('header.site nav a');
    expect(await links.allInnerTexts()).toEqual([
      'Register',
      'Changes',
      'Information Security Management System Manual ISMS-MAN',
      'Information Security and Business Continuity Policy DOC-A5',
      'Statement of Applicability DOC-SOA',
      'Risk Assessment and Treatment Methodology DOC-RM',
      'Information Security Risk Register DOC-RR',
      'Access Control Policy DOC-AC',
      'Incident Management Procedure DOC-IM',
      'Operating Procedures DOC-OPS',
      'Business Continuity Plan DOC-BCP',
      'Competence of the ISMS Roles DOC-COMP',
      'Internal Audit 2026 DOC-IA-2026',
      'Monitoring and Measurement Results DOC-MON',
      'Management Review 2026 DOC-MR-2026',
      'Nonconformity and Corrective Action Log DOC-NC',
      'Information Security Objectives and Results DOC-OBJ',
    ]);
    await page.getByRole('link', { name: 'Statement of Applicability DOC-SOA' }).click();
    expect(await page.locator('h1').innerText()).toBe('Statement of Applicability');
    await page.context().close();
  });

  it('says who approved a document and in which commit it is proven', async () => {
    // The bundled ISMS has no approval imported with the baseline any more: every one is proven by a commit.
    const manual = await open('ISMS-MAN.html');
    expect(await manual.locator('.meta').innerText()).toMatch(/Approved by\s+S\. Lindqvist, Executive leadership, 2026-12-01 \(how this is proven\)/);
    expect(await manual.locator('#isms-approval + .approval').innerText()).toMatch(
      /^Approved by S\. Lindqvist, Executive leadership, on 2026-12-01\.\n+Proven by commit [0-9a-f]{7}, made by S\. Lindqvist <.+> on \d{4}-\d{2}-\d{2}/,
    );
    await manual.context().close();
    const proven = await open('DOC-A5.html');
    expect(await proven.locator('#isms-approval + .approval').innerText()).toMatch(
      /^Approved by R\. Adeyemi, Chief Executive Officer, on \d{4}-\d{2}-\d{2}\.\n+Proven by commit [0-9a-f]{7}, made by R\. Adeyemi <.+> on \d{4}-\d{2}-\d{2}/,
    );
    await proven.context().close();
  });

  it("shows a record's content: the management review's inputs a) to g), the nonconformity log whole in a wide window, ids and dates never wrapped", async () => {
    const review = await open('DOC-MR-2026.html', { javaScript: false });
    const inputs = await review.locator('.record table.fields th').allInnerTexts();
    expect(inputs.map((label) => label.slice(0, 2))).toEqual(['a)', 'b)', 'c)', 'd)', 'e)', 'f)', 'g)']);
    expect(await review.locator('.record h2').allInnerTexts()).toEqual(['Date', 'Attendees', 'Inputs (9.3.2)', 'Decisions (9.3.3)']);
    await review.screenshot({ path: path.join(SCREENSHOTS, 'management-review.png'), fullPage: true });
    await review.context().close();
    const log = await open('DOC-NC.html', { javaScript: false });
    const scroll = log.locator('.record .table-scroll').first();
    expect(await scroll.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    await log.context().close();
    const narrow = await open('DOC-NC.html', { width: 420 });
    const cells = '.record td .date, .record td .nowrap';
    expect(await narrow.locator(cells).count()).toBeGreaterThan(6);
    expect(await wrapped(narrow, cells)).toEqual([]);
    await narrow.context().close();
  });

  it('prints without the navigation', async () => {
    const page = await open('ISMS-MAN.html');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header.site nav').isVisible()).toBe(false);
    await page.context().close();
  });

  it('made no request outside the site and logged no error', () => {
    expect(problems).toEqual([]);
  });

  it('would notice a page that does make a request outside the site (the guard itself works)', async () => {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(out, 'leaky.html'), '<!doctype html><title>leak</title><img src="https://tracker.invalid/pixel.gif">');
    const before = problems.length;
    const page = await open('leaky.html');
    await page.waitForTimeout(200);
    expect(problems.slice(before)).toContain('request left the site from leaky.html: https://tracker.invalid/pixel.gif');
    problems.length = before;
    await page.context().close();
  });
});
