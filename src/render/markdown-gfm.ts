import type MarkdownIt from 'markdown-it';
import footnotes from 'markdown-it-footnote';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type Token from 'markdown-it/lib/token.mjs';

const TILDE = 0x7e;
/** A run of one tilde pairs only with a run of one: balance_pairs pairs delimiters of one marker. */
const SINGLE_TILDE = -TILDE;

/**
 * GFM strikethrough, `~a~` and `~~a~~`: a run of one or two tildes opens or closes (as it flanks,
 * like `*`) a run of the same length; longer runs are text. markdown-it's own rule knows only `~~`.
 */
function strikethrough(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  if (silent || state.src.charCodeAt(start) !== TILDE) return false;
  const scanned = state.scanDelims(start, true);
  const token = state.push('text', '', 0);
  token.content = state.src.slice(start, start + scanned.length);
  if (scanned.length <= 2) {
    state.delimiters.push({
      marker: scanned.length === 1 ? SINGLE_TILDE : TILDE,
      length: 0, // no "rule of 3": that is for emphasis
      token: state.tokens.length - 1,
      end: -1,
      open: scanned.can_open,
      close: scanned.can_close,
    });
  }
  state.pos += scanned.length;
  return true;
}

/** Paired tilde delimiters become s_open and s_close (each delimiter is one whole run). */
function strikethroughPairs(state: StateInline): boolean {
  const lists = [state.delimiters, ...state.tokens_meta.map((meta) => meta?.delimiters ?? [])];
  for (const delimiters of lists) {
    for (const opener of delimiters) {
      if ((opener.marker !== TILDE && opener.marker !== SINGLE_TILDE) || opener.end === -1) continue;
      const closer = delimiters[opener.end]!;
      for (const [delimiter, type, nesting] of [[opener, 's_open', 1], [closer, 's_close', -1]] as const) {
        const token = state.tokens[delimiter.token]!;
        Object.assign(token, { type, tag: 's', nesting, markup: token.content, content: '' });
      }
    }
  }
  return false;
}

/** A `www.` link's host, then the rest of it: anything up to white space or `<` (its end is trimmed by `trimUrl`). */
const WWW_HOST = /www(?=\.)[\w.-]*/iy;
const WWW_REST = /[^\t\n\r <]*/y;
/** An e-mail address, from the start of a run of the characters it may hold (so a scan is linear). */
const EMAIL = /(?<![\w+.-])[\w+.-]+@[\w-]+(?:\.[\w-]+)+/g;
const ALPHANUMERIC = /[\dA-Za-z]/;

/** The host's last two labels hold a letter or digit and no underscore. */
function isCorrectDomain(domain: string): boolean {
  const labels = domain.split('.');
  return labels.length >= 2 && labels.slice(-2).every((label) => label === '' || (!label.includes('_') && ALPHANUMERIC.test(label)));
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

function pushLink(state: StateInline, url: string, label: string): void {
  Object.assign(state.push('link_open', 'a', 1), { markup: 'linkify', info: 'auto' }).attrSet('href', url);
  state.push('text', '', 0).content = label;
  Object.assign(state.push('link_close', 'a', -1), { markup: 'linkify', info: 'auto' });
}

/**
 * Where a `www.` that is no link ends, by parse: no `www.` inside it starts a link (remark-gfm would
 * link the second of `www.a_/www.b.com`). Without this, each `www.` of a long run would be read to
 * the end of the run again, in time quadratic in its length.
 */
const noLinkUntil = new WeakMap<StateInline, number>();

/**
 * GFM's literal `www.` links, at parse time as micromark reads them, so that no emphasis is read
 * in their path: at the start of the text or after white space or punctuation, never in a link.
 */
function wwwAutolink(state: StateInline, silent: boolean): boolean {
  const pos = state.pos;
  // Not while a link's text is read (silent) or parsed: a link holds no link.
  if (silent || (state as StateInline & { linkLevel: number }).linkLevel > 0 || (state.src.charCodeAt(pos) | 0x20) !== 0x77 /* w */) return false;
  const before = pos > 0 ? state.src.charAt(pos - 1) : '';
  if ((before !== '' && !/\s|\p{P}|\p{S}/u.test(before)) || pos < (noLinkUntil.get(state) ?? 0)) return false;
  WWW_HOST.lastIndex = pos;
  const host = WWW_HOST.exec(state.src)?.[0];
  if (!host) return false;
  WWW_REST.lastIndex = pos + host.length;
  const label = trimUrl((host + (WWW_REST.exec(state.src)?.[0] ?? '')).slice(0, state.posMax - pos));
  if (!isCorrectDomain(/^[\w.-]*/.exec(label)![0])) {
    noLinkUntil.set(state, pos + Math.max(host.length, label.length));
    return false;
  }
  pushLink(state, `http://${label}`, label);
  state.pos += label.length;
  return true;
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
const TERMINATORS = new Set([...'\n!#$%&*+-:<=>@[\\]^_`{}~'].map((c) => c.charCodeAt(0)));

/**
 * GFM's literal e-mail addresses, in text outside links, as remark-gfm linked them: any top-level
 * domain (linkify's guess wants one it knows; GFM links `security@wackywidget.example`), not ending
 * in a digit, `-` or `_`.
 */
function emailAutolinks(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const tokens: Token[] = [];
    let inLink = 0;
    const text = (content: string, level: number) => Object.assign(new state.Token('text', '', 0), { content, level });
    for (const token of block.children) {
      if (token.type === 'link_open') inLink++;
      else if (token.type === 'link_close') inLink--;
      if (token.type !== 'text' || inLink > 0 || !token.content.includes('@')) {
        tokens.push(token);
        continue;
      }
      let last = 0;
      for (const match of token.content.matchAll(EMAIL)) {
        const address = match[0];
        if (/[\d_-]$/.test(address)) continue;
        const at = match.index ?? 0;
        if (at > last) tokens.push(text(token.content.slice(last, at), token.level));
        const open = Object.assign(new state.Token('link_open', 'a', 1), { markup: 'linkify', info: 'auto', level: token.level });
        open.attrSet('href', `mailto:${address}`);
        tokens.push(open, text(address, token.level + 1), Object.assign(new state.Token('link_close', 'a', -1), { markup: 'linkify', info: 'auto', level: token.level }));
        last = at + address.length;
      }
      tokens.push(last === 0 ? token : text(token.content.slice(last), token.level));
    }
    block.children = tokens;
  }
}

/**
 * linkify's `http://` and `https://` links (at parse time), without what GFM leaves out at their end
 * that linkify keeps (`_`, `~`).
 */
function gfmLinkify(md: MarkdownIt): void {
  md.set({ linkify: true });
  md.linkify.add('ftp:', null).add('//', null).add('mailto:', null);
  const matchAtStart = md.linkify.matchAtStart.bind(md.linkify);
  md.linkify.matchAtStart = (text) => {
    const match = matchAtStart(text);
    // The `;` after a URL is looked at too: an entity reference there (`&quot;`) is no part of it.
    if (match) match.url = trimUrl(text.slice(0, match.lastIndex + (text.charAt(match.lastIndex) === ';' ? 1 : 0)));
    return match;
  };
  md.inline.ruler.enable('linkify');
}

/** `[ ]` or `[x]` and white space, then text: what opens a task list item's first paragraph. */
const TASK = /^\[([ xX])\][ \t\n]+[^ \t\n]/;

/**
 * GFM task list items: the check of a list item's first paragraph is taken out of its text before
 * inline parsing (so it is never read as a link) and kept as `checked` in the item's meta. The white
 * space after it stays in the text, as in micromark; the tree takes its first character out.
 */
function taskListItems(state: StateCore): void {
  const tokens = state.tokens;
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [item, paragraph, inline] = [tokens[i]!, tokens[i + 1]!, tokens[i + 2]!];
    if (item.type !== 'list_item_open' || paragraph.type !== 'paragraph_open' || inline.type !== 'inline') continue;
    const match = TASK.exec(inline.content);
    if (!match) continue;
    item.meta = { ...(item.meta as object | null), checked: match[1] !== ' ' };
    inline.content = inline.content.slice(3);
  }
}

/** Footnote labels match as in GFM: case-insensitively, runs of white space as one space. */
export function footnoteIdentifier(label: string): string {
  return label.replace(/[\t\n\r ]+/g, ' ').trim().toLowerCase().toUpperCase().toLowerCase();
}

/** markdown-it-footnote looks labels up in `env.footnotes.refs` as `:label`; this map looks them up by identifier. */
function footnoteLabels(state: StateCore): void {
  const byIdentifier = new Map<string, number>();
  const key = (property: string | symbol) => (typeof property === 'string' ? footnoteIdentifier(property) : '');
  const refs = new Proxy({} as Record<string, number>, {
    get: (_, property) => byIdentifier.get(key(property)),
    set: (_, property, value: number) => (byIdentifier.set(key(property), value), true),
    has: (_, property) => byIdentifier.has(key(property)),
  });
  (state.env as { footnotes?: object }).footnotes = { refs };
}

/**
 * What GFM adds to validation's CommonMark for rendering: strikethrough, literal autolinks, task
 * list items and footnotes. Footnote definitions stay where they are written (markdown-it-footnote
 * would move them to the end, concatenating the token list once per footnote); inline footnotes
 * (`^[...]`) are no GFM and stay text.
 */
export function gfm(md: MarkdownIt): void {
  md.use(footnotes);
  md.core.ruler.disable('footnote_tail');
  md.inline.ruler.disable('footnote_inline');
  md.core.ruler.before('block', 'footnote_labels', footnoteLabels);
  md.core.ruler.after('block', 'task_list_items', taskListItems);
  md.inline.ruler.at('strikethrough', strikethrough);
  md.inline.ruler2.at('strikethrough', strikethroughPairs);
  md.enable('strikethrough');
  gfmLinkify(md);
  md.inline.ruler.at('text', textBeforeWww);
  md.inline.ruler.before('text', 'www_autolink', wwwAutolink);
  md.core.ruler.push('email_autolinks', emailAutolinks);
}
