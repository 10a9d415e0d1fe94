// markdown-it-footnote ships no types, and @types/markdown-it-footnote types it against markdown-it's CommonJS typings.
declare module 'markdown-it-footnote' {
  import type { PluginSimple } from 'markdown-it';
  const footnotes: PluginSimple;
  export default footnotes;
}
