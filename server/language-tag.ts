import { isValidLanguageTag } from '../alignment/language.ts'

/**
 * Language tags from users: the engine decides which tags are accepted (`isValidLanguageTag`:
 * ISO 639-1 and a few three-letter codes, with BCP 47 subtags); the server stores them in
 * canonical case (`pt-br` → `pt-BR`, `ZH-hant` → `zh-Hant`).
 */

const NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' })

/**
 * The canonical form of an accepted language tag, or null when the tag is refused.
 *
 * @example
 * normalizeLanguageTag('pt-br') // 'pt-BR'
 * normalizeLanguageTag('xx') // null
 */
export function normalizeLanguageTag(tag: string): string | null {
  const t = tag.trim()
  if (!isValidLanguageTag(t)) return null
  try {
    // Canonical case only: keep the language the user named (no `iw` → `he` surprises in exports).
    const [canonical] = Intl.getCanonicalLocales(t)
    return canonical && canonical.split('-')[0] === t.split('-')[0].toLowerCase() ? canonical : t.toLowerCase()
  } catch {
    return t.toLowerCase()
  }
}

/** The primary language subtag the engine works with: `pt-BR` → `pt`. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0].toLowerCase()
}

/** The English name of a language (`tr` → `Turkish`), or the tag itself when unknown. */
export function languageName(tag: string): string {
  if (tag === 'und') return 'Unknown language'
  try {
    return NAMES.of(tag) ?? tag
  } catch {
    return tag
  }
}
