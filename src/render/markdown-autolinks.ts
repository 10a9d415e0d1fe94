import type MarkdownIt from 'markdown-it';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';

/*
 * GFM's literal autolinks (`www.example.com`, `https://example.com`, `me@example.com`) as
 * remark-gfm made them, in time linear in the text: linkify-it, markdown-it's own, reads the rest of
 * a run again for each `(` after a URL (`(http://a.b/` repeated: 54 s for 128 KB) and wants a
 * top-level domain it knows (GFM links `www.wackywidget.example`).
 */

/** Where a URL's host ends: white space, or punctuation other than `-`, `.` and `_` (micromark's domain). */
const HOST = /(?:[^\s\p{P}\p{S}]|[-._])*/uy;
/** The rest of a URL: anything up to white space or `<`; its end is trimmed by `trimUrl`. */
const REST = /[^\t\n\r <]*/y;
const ALPHANUMERIC = /[\dA-Za-z]/;
const LEFT_BOUNDARY = /\s|\p{P}|\p{S}/u;
/** An e-mail address, from the start of a run of the characters it may hold (so a scan is linear). */
const EMAIL = /(?<![\w+.-])[\w+.-]+@[\w-]+(?:\.[\w-]+)+/g;
const TERMINATORS = new Set([...'\n!#$%&*+-:<=>@[\\]^_`{}~'].map((c) => c.charCodeAt(0)));

/** The host's last two labels hold no underscore (and, for `www.`, a letter or a digit). */
function isCorrectHost(host: string, www: boolean): boolean {
  const labels = host.split('.');
  if (www && labels.length < 2) return false;
  return host !== '' && labels.slice(-2).every((label) => !label.includes('_') && (!www || label === '' || ALPHANUMERIC.test(label)));
}

/**
 * A URL without what ends the sentence around it: trailing punctuation and an entity reference
 * (`&amp;`); closing parentheses stay while they close one in it.
 */
function trimUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const entity = url.charAt(end - 1) === ';' ? /&[\dA-Za-z]+;$/.exec(url.slice(Math.max(0, end - 40), end)) : null;
    if (entity) end -= entity[0].length;
    else if (end > 0 && `!"&'),.:;<>?]}*_~`.includes(url.charAt(end - 1))) end--;
    else break;
  }
  let link = url.slice(0, end);
  const opening = link.split('(').length - 1;
  let closing = link.split(')').length - 1;
  for (let paren = url.indexOf(')', link.length); paren !== -1 && opening > closing; paren = url.indexOf(')', link.length)) {
    link = url.slice(0, paren + 1);
    closing++;
  }
  return link;
}

/**
 * Where a literal that is no link ends, by parse: no literal inside it starts a link (remark-gfm
 * would link the second of `www.a_/www.b.com`). Without this, each of a long run would be read to
 * the end of the run again, in time quadratic in its length.
 */
const noLinkUntil = new WeakMap<StateInline, number>();

/**
 * The literal link whose host starts at `hostStart` and whose text starts at `start`, pushed as
 * tokens; false, and no link from here to where it was read, when it is none.
 */
function literal(state: StateInline, start: number, hostStart: number, www: boolean): boolean {
  const src = state.src;
  HOST.lastIndex = hostStart;
  const host = HOST.exec(src)?.[0] ?? '';
  REST.lastIndex = hostStart + host.length;
  const label = trimUrl((src.slice(start, hostStart) + host + (REST.exec(src)?.[0] ?? '')).slice(0, state.posMax - start));
  HOST.lastIndex = hostStart - start;
  if (!isCorrectHost(HOST.exec(label)?.[0] ?? '', www)) {
    noLinkUntil.set(state, Math.max(hostStart + host.length, start + label.length));
    return false;
  }
  const open = state.push('link_open', 'a', 1);
  open.attrSet('href', www ? `http://${label}` : label);
  open.markup = 'linkify';
  state.push('text', '', 0).content = label;
  state.push('link_close', 'a', -1).markup = 'linkify';
  state.pos = start + label.length;
  return true;
}

const linkLevel = (state: StateInline) => (state as StateInline & { linkLevel: number }).linkLevel;

/**
 * `www.` links, at parse time as micromark reads them (no emphasis in their path): at the start of
 * the text or after white space or punctuation, never in a link or while a link's text is read.
 */
function wwwAutolink(state: StateInline, silent: boolean): boolean {
  const pos = state.pos;
  if (silent || linkLevel(state) > 0 || (state.src.charCodeAt(pos) | 0x20) !== 0x77 /* w */ || state.src.slice(pos, pos + 4).toLowerCase() !== 'www.') return false;
  const before = state.src.charAt(pos - 1);
  if ((before !== '' && !LEFT_BOUNDARY.test(before)) || pos < (noLinkUntil.get(state) ?? 0)) return false;
  return literal(state, pos, pos, true);
}

/** `http://` and `https://` links, found at the `:` as markdown-it's linkify finds them: the scheme ends the pending text. */
function httpAutolink(state: StateInline, silent: boolean): boolean {
  const pos = state.pos;
  if (silent || linkLevel(state) > 0 || state.src.slice(pos, pos + 3) !== '://') return false;
  // The source, not the pending text: slicing a long pending text would flatten it, each time.
  const scheme = /(?:^|[^A-Za-z])(https?)$/i.exec(state.src.slice(Math.max(0, pos - 6), pos))?.[1];
  if (!scheme || state.pending.length < scheme.length) return false;
  const start = pos - scheme.length;
  const first = state.src.charAt(pos + 3);
  if (/[A-Za-z]/.test(state.src.charAt(start - 1)) || start < (noLinkUntil.get(state) ?? 0) || first === '' || /[\s\p{P}\p{S}\p{Cc}]/u.test(first)) return false;
  const pending = state.pending;
  state.pending = pending.slice(0, -scheme.length);
  if (literal(state, start, pos + 3, false)) return true;
  state.pending = pending;
  return false;
}

/** markdown-it's text rule, stopping also where a `www.` link may start, so that `wwwAutolink` sees it. */
function textBeforeWww(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const skip = noLinkUntil.get(state) ?? 0;
  let pos = state.pos;
  while (pos < state.posMax && !TERMINATORS.has(src.charCodeAt(pos))) {
    if (pos > state.pos && pos >= skip && (src.charCodeAt(pos) | 0x20) === 0x77 && src.slice(pos, pos + 4).toLowerCase() === 'www.' && !ALPHANUMERIC.test(src.charAt(pos - 1))) break;
    pos++;
  }
  if (pos === state.pos) return false;
  if (!silent) state.pending += src.slice(state.pos, pos);
  state.pos = pos;
  return true;
}

/** E-mail addresses in text outside links, whatever their top-level domain, not ending in a digit, `-` or `_`. */
function emailAutolinks(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const tokens: Token[] = [];
    let inLink = 0;
    const token = (type: string, nesting: -1 | 0 | 1, level: number, content = '') => Object.assign(new state.Token(type, type === 'text' ? '' : 'a', nesting), { content, level, markup: 'linkify' });
    for (const child of block.children) {
      if (child.type === 'link_open') inLink++;
      else if (child.type === 'link_close') inLink--;
      if (child.type !== 'text' || inLink > 0 || !child.content.includes('@')) {
        tokens.push(child);
        continue;
      }
      let last = 0;
      for (const match of child.content.matchAll(EMAIL)) {
        const address = match[0];
        if (/[\d_-]$/.test(address)) continue;
        const at = match.index ?? 0;
        if (at > last) tokens.push(token('text', 0, child.level, child.content.slice(last, at)));
        const open = token('link_open', 1, child.level);
        open.attrSet('href', `mailto:${address}`);
        tokens.push(open, token('text', 0, child.level + 1, address), token('link_close', -1, child.level));
        last = at + address.length;
      }
      tokens.push(last === 0 ? child : token('text', 0, child.level, child.content.slice(last)));
    }
    block.children = tokens;
  }
}

/** GFM's literal autolinks in place of markdown-it's linkify, which stays off. */
export function autolinks(md: MarkdownIt): void {
  md.inline.ruler.at('text', textBeforeWww);
  md.inline.ruler.before('text', 'www_autolink', wwwAutolink);
  md.inline.ruler.at('linkify', httpAutolink);
  md.inline.ruler.enable('linkify');
  md.core.ruler.push('email_autolinks', emailAutolinks);
}
