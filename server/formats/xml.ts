/**
 * Escaping for XML and HTML output. Both escape the same five characters; XML 1.0 additionally
 * cannot carry most C0 control characters at all, not even as references, so those become U+FFFD.
 */

// Characters XML 1.0 forbids: C0 controls except tab, LF, CR; U+FFFE and U+FFFF.
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Escapes text for an HTML element or a quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c])
}

/** Escapes text for XML content or a quoted attribute, replacing characters XML cannot hold. */
export function escapeXml(s: string): string {
  return escapeHtml(s.replace(XML_FORBIDDEN, '\uFFFD'))
}

/** A character reference to a surrogate code point, which XML forbids and no text can hold. */
export class XmlCharError extends Error {}

/**
 * Decodes the five predefined entities and numeric character references of XML text. A
 * reference to NUL or past U+10FFFF becomes U+FFFD; one to a surrogate (`&#xD800;`) throws
 * {@link XmlCharError}: decoded, it would be half a character that no store accepts.
 */
export function decodeXmlText(s: string): string {
  return s.replace(/&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g, (m, hex, dec, name) => {
    if (name) return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as string]!
    const cp = parseInt(hex ?? dec, hex ? 16 : 10)
    if (cp >= 0xd800 && cp <= 0xdfff) {
      throw new XmlCharError(`${m} refers to a surrogate code point, half of a character, which XML may not hold`)
    }
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD'
  })
}
