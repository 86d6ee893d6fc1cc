/**
 * Language tags from users: BCP 47 (`en`, `pt-BR`, `zh-Hant`), canonicalised, and only for
 * languages the platform's CLDR data knows, so a typo like `eng-` or a made-up `xx` is refused.
 */

const NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })

/**
 * The canonical form of a language tag (`EN` → `en`, `iw` → `he`), or null when it is not a
 * well-formed tag of a known language.
 *
 * @example
 * normalizeLanguageTag('pt-br') // 'pt-BR'
 * normalizeLanguageTag('xx') // null
 */
export function normalizeLanguageTag(tag: string): string | null {
  let canonical: string
  try {
    ;[canonical] = Intl.getCanonicalLocales(tag.trim())
  } catch {
    return null
  }
  if (!canonical) return null
  const primary = canonical.split('-')[0]
  // `und` (undetermined) is well formed but says nothing; detection is the way to leave it open.
  if (primary === 'und' || NAMES.of(primary) === undefined) return null
  return canonical
}

/** The primary language subtag the engine works with: `pt-BR` → `pt`. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0].toLowerCase()
}

/** The English name of a language (`tr` → `Turkish`), or the tag itself when unknown. */
export function languageName(tag: string): string {
  try {
    return NAMES.of(tag) ?? tag
  } catch {
    return tag
  }
}
