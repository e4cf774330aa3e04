// Escaping for the XML formats (GraphML, GEXF). Characters XML 1.0 cannot carry at all
// (most control characters, unpaired surrogates) become U+FFFD; newlines and carriage returns
// in attributes are written as character references so that parsers do not fold them.

const NOT_XML =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESCAPES: Record<string, string> = {
  ...TEXT_ESCAPES,
  '"': '&quot;',
  '\n': '&#10;',
  '\t': '&#9;',
};

/** Text content of an element. */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c]!);
}

/** The value of an attribute written in double quotes. */
export function xmlAttr(text: string): string {
  return text.replace(NOT_XML, '\uFFFD').replace(/[&<>\r"\n\t]/g, (c) => ATTR_ESCAPES[c]!);
}
