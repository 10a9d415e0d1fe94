import { parse, parseFragment } from 'parse5';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
}

/** Elements that run code or load another document, whatever their attributes. */
const ACTIVE_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'portal']);
/** Attributes a browser follows or loads as a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'cite', 'ping', 'lowsrc', 'longdesc', 'codebase', 'manifest', 'icon']);
/** The schemes a published page may link to (DESIGN section 8: http, https, mailto); no scheme is a relative link. */
export const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto']);

/** The scheme a browser would see: it drops ASCII whitespace and controls around and tabs and line breaks inside. */
function schemeOf(url: string): string | undefined {
  // eslint-disable-next-line no-control-regex -- a browser drops these controls, so the check does too
  const cleaned = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
  return /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1]?.toLowerCase();
}

/**
 * What in HTML could run code or leave the page through a scheme not allowed, as a browser's parser
 * (parse5) reads it: active elements, event-handler attributes, URLs with other schemes, a refresh to
 * one. Empty when the HTML is safe to publish.
 */
export function activeContent(html: string, options: { fragment?: boolean } = {}): string[] {
  const found: string[] = [];
  const walk = (node: Node) => {
    const tag = node.tagName;
    if (tag !== undefined) {
      if (ACTIVE_ELEMENTS.has(tag)) found.push(`<${tag}>`);
      for (const { name, value } of node.attrs ?? []) {
        const attribute = name.toLowerCase();
        if (attribute.startsWith('on')) found.push(`<${tag} ${attribute}>`);
        if (URL_ATTRIBUTES.has(attribute)) {
          const urls = attribute === 'srcset' ? value.split(',').map((part) => part.trim().split(/\s+/)[0] ?? '') : [value];
          for (const url of urls) {
            const scheme = schemeOf(url);
            if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme)) found.push(`<${tag} ${attribute}="${scheme}:...">`);
          }
        }
        if (attribute === 'style' && /javascript:|expression\(|url\(/i.test(value)) found.push(`<${tag} style="${value}">`);
        if (tag === 'meta' && attribute === 'http-equiv' && value.toLowerCase() === 'refresh') found.push('<meta http-equiv="refresh">');
      }
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(options.fragment ? parseFragment(html) : parse(html));
  return found;
}
