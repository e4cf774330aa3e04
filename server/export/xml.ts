// Escaping for the XML formats (GraphML, GEXF). Characters XML 1.0 cannot carry at all
// (most control characters, unpaired surrogates) become U+FFFD; newlines and carriage returns
// in attributes are written as character references so that parsers do not fold them.
// Most values need nothing: one test finds that out, and only the others are rewritten, in one pass.

const NOT_XML =
  '[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';
/** Anything that may need rewriting (surrogates too, paired or not: the full pattern decides). */
const TEXT_SUSPECT = /[&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ATTR_SUSPECT = /[&<>\r"\n\t\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const TEXT_REWRITE = new RegExp(`[&<>\\r]|${NOT_XML}`, 'g');
const ATTR_REWRITE = new RegExp(`[&<>\\r"\\n\\t]|${NOT_XML}`, 'g');

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '\r': '&#13;',
  '"': '&quot;',
  '\n': '&#10;',
  '\t': '&#9;',
};
const rewrite = (c: string) => ESCAPES[c] ?? '\uFFFD';

/** Text content of an element. */
export function xmlText(text: string): string {
  return TEXT_SUSPECT.test(text) ? text.replace(TEXT_REWRITE, rewrite) : text;
}

/** The value of an attribute written in double quotes. */
export function xmlAttr(text: string): string {
  return ATTR_SUSPECT.test(text) ? text.replace(ATTR_REWRITE, rewrite) : text;
}
