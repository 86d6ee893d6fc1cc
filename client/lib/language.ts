/**
 * Language names and writing direction for the page. Codes are BCP 47 / ISO 639-1 as the engine
 * reports them (`en`, `tr`, `ar`).
 */

import { isRtl } from '../../alignment/language.ts'

/** Writing direction of a language: `rtl` for Arabic, Hebrew, Persian, Urdu and the like. */
export function dirOf(lang: string | undefined): 'rtl' | 'ltr' {
  try {
    return lang && isRtl(lang) ? 'rtl' : 'ltr'
  } catch {
    return 'ltr'
  }
}

/** Languages offered first when creating a comparison. */
export const COMMON_LANGUAGES = ['en', 'tr', 'ar', 'fr', 'de', 'es', 'it', 'pt', 'ru', 'uk', 'fa', 'he', 'ur', 'zh', 'ja', 'ko', 'nl', 'pl', 'el'] as const

const names = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' })
  } catch {
    return undefined
  }
})()

/** English name of a language code (`tr` → `Turkish`), or the code itself when unknown. */
export function languageName(lang: string | undefined): string {
  if (!lang || lang === 'und') return 'Unknown language'
  try {
    return names?.of(lang) ?? lang
  } catch {
    return lang
  }
}
