/**
 * Numbers, percentages, fractions and dates of a text, normalised so that two versions in
 * different languages and conventions can be compared: `70%` = `%70` = `yüzde 70` = `٧٠٪`,
 * `1,000` (English) = `1.000` (Turkish), `31 August` = `31 Ağustos`, `two-thirds` = `üçte ikisi`
 * = `ثلثي`, `1.5 million` = `1,5 milyon`.
 *
 * Written-out numbers are recognised for English, Turkish and Arabic (units, tens, hundreds, scale
 * words, simple fractions); digits of any script everywhere. A bare "one" / "bir" / "واحد" is not
 * taken as a number: in all three it is far more often an article or pronoun.
 */
import { foldCase, wordTokens } from '../romanize.ts'
import { arabicStems, primaryLang } from './text.ts'

/** What a number token stands for. `month` and `weekday` values are 1-based (January = 1, Monday = 1). */
export type NumberKind = 'number' | 'percent' | 'fraction' | 'ordinal' | 'month' | 'weekday' | 'time'

/** A number found in a text, with its normalised value. */
export interface NumberToken {
  /** The text as written (`70%`, `üçte ikisini`, `31`). */
  text: string
  /** Offsets into the text given to {@link extractNumbers}. */
  start: number
  end: number
  /** The value: `70` for `70%`, `0.666…` for `two-thirds`, `8` for `August`, minutes for `10:30`. */
  value: number
  kind: NumberKind
  /** Other readings of an ambiguous form (`1,500` in a Turkish text: 1.5, or 1500 by English habit). */
  alternatives?: number[]
  /** Written in words rather than digits: weaker evidence when it has no counterpart. */
  spelled: boolean
  /** A part of an all-numeric date (`9/7/2021`, `2021-07-09`), which may stand for a month. */
  datePart?: boolean
}

// Languages that write the decimal separator as a comma and group thousands with a dot or space.
const COMMA_DECIMAL = new Set(
  'tr de fr es it pt ru uk pl nl id cs ro sv da no nb nn fi el az kk hu bg hr sr sk sl lt lv et vi be ka hy mk sq bs ca gl eu is'.split(
    ' ',
  ),
)

/** Copy of `text` with Arabic-Indic digits and Arabic separators as ASCII, same length and offsets. */
function asciiDigits(text: string): string {
  if (!/[\u0660-\u066c\u06f0-\u06f9]/.test(text)) return text
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0x660 && c <= 0x669) out += String(c - 0x660)
    else if (c >= 0x6f0 && c <= 0x6f9) out += String(c - 0x6f0)
    else if (c === 0x66b) out += '.' // Arabic decimal separator
    else if (c === 0x66c) out += ',' // Arabic thousands separator
    else if (c === 0x66a) out += '%' // Arabic percent sign
    else out += text[i]
  }
  return out
}

/** Reads a digit string with separators; the first value is the reading `lang` prefers. */
export function parseDigits(raw: string, lang: string): number[] {
  const seps = [...raw.matchAll(/[.,\u00a0\u202f\u2009' ]/g)]
  if (seps.length === 0) return [Number(raw)]
  const kinds = new Set(seps.map((m) => m[0]))
  const strip = (s: string, re: RegExp) => s.replace(re, '')
  const spaceLike = /[\u00a0\u202f\u2009' ]/g
  if ([...kinds].every((k) => /[\u00a0\u202f\u2009' ]/.test(k))) return [Number(strip(raw, spaceLike))]
  const cleaned = strip(raw, spaceLike)
  const marks = [...cleaned.matchAll(/[.,]/g)]
  const markKinds = new Set(marks.map((m) => m[0]))
  if (markKinds.size === 2) {
    // `1,234.5` or `1.234,5`: the last mark is the decimal one.
    const last = marks[marks.length - 1]
    const intPart = cleaned.slice(0, last.index).replace(/[.,]/g, '')
    return [Number(intPart + '.' + cleaned.slice(last.index + 1))]
  }
  const mark = marks[0][0]
  if (marks.length > 1) {
    const groups = cleaned.split(mark)
    if (groups.slice(1).every((g) => g.length === 3)) return [Number(groups.join(''))]
    return [Number(groups.slice(0, -1).join('') + '.' + groups[groups.length - 1])]
  }
  const [a, b] = cleaned.split(mark)
  const asDecimal = Number(a + '.' + b)
  if (b.length !== 3) return [asDecimal]
  const asThousands = Number(a + b)
  const commaDecimal = COMMA_DECIMAL.has(primaryLang(lang))
  const preferDecimal = mark === ',' ? commaDecimal : !commaDecimal
  return preferDecimal ? [asDecimal, asThousands] : [asThousands, asDecimal]
}

// ---------------------------------------------------------------------------------------------
// Word lists

const EN_UNITS: Record<string, number> = {
  zero: 0, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
}
const EN_SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6,
}
const EN_DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4, fifth: 5,
  fifths: 5, sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8, ninth: 9, ninths: 9,
  tenth: 10, tenths: 10,
}

const TR_UNITS: Record<string, number> = {
  iki: 2, üç: 3, dört: 4, beş: 5, altı: 6, yedi: 7, sekiz: 8, dokuz: 9, on: 10, yirmi: 20, otuz: 30,
  kırk: 40, elli: 50, altmış: 60, yetmiş: 70, seksen: 80, doksan: 90,
}
const TR_SCALES: Record<string, number> = { yüz: 100, bin: 1e3, milyon: 1e6, milyar: 1e9, trilyon: 1e12 }
// Case, possessive and ordinal endings a Turkish number word can carry (after vowel harmony and
// the buffer consonants): üç-te, iki-si-ni, beş-inci, yirmi-sinde, on-lar.
const TR_ENDING =
  /^(?:(?:n?[ıiuü]nc[ıiuü]|nc[ıiuü])(?:s[ıiuü])?(?:n?[dt][ae]|y[ae]|n[ıiuü]|n[ıiuü]n)?|s?[ıiuü](?:n(?:[ıiuü]|[ae]|[dt][ae]|[dt][ae]n|[ıiuü]n)?)?|[dt][ae](?:n|ki)?|y[ae]|[ae]|[ıiuü]n|n[ıiuü]n|l[ae]r)?$/

const AR_UNITS: Record<string, number> = {
  اثنان: 2, اثنين: 2, اثنتان: 2, اثنتين: 2, ثلاث: 3, ثلاثه: 3, اربع: 4, اربعه: 4, خمس: 5, خمسه: 5,
  سته: 6, ست: 6, سبع: 7, سبعه: 7, ثمان: 8, ثماني: 8, ثمانيه: 8, تسع: 9, تسعه: 9, عشر: 10, عشره: 10,
  عشرون: 20, عشرين: 20, ثلاثون: 30, ثلاثين: 30, اربعون: 40, اربعين: 40, خمسون: 50, خمسين: 50,
  ستون: 60, ستين: 60, سبعون: 70, سبعين: 70, ثمانون: 80, ثمانين: 80, تسعون: 90, تسعين: 90,
  مئتان: 200, مئتين: 200, مائتان: 200, مائتين: 200,
}
const AR_SCALES: Record<string, number> = {
  مئه: 100, مائه: 100, مئات: 100, الف: 1e3, الاف: 1e3, الفا: 1e3, مليون: 1e6, ملايين: 1e6,
  مليار: 1e9, مليارات: 1e9, ترليون: 1e12,
}
const AR_FRACTIONS: Record<string, number> = {
  نصف: 1 / 2, ثلث: 1 / 3, ثلثا: 2 / 3, ثلثي: 2 / 3, ربع: 1 / 4,
}

const MONTHS_EN: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8,
  sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
}
const MONTHS_TR: Record<string, number> = {
  ocak: 1, şubat: 2, mart: 3, nisan: 4, mayıs: 5, haziran: 6, temmuz: 7, ağustos: 8, eylül: 9,
  ekim: 10, kasım: 11, aralık: 12,
}
const MONTHS_AR: Record<string, number> = {
  يناير: 1, فبراير: 2, مارس: 3, ابريل: 4, مايو: 5, يونيو: 6, يونيه: 6, يوليو: 7, يوليه: 7,
  اغسطس: 8, سبتمبر: 9, اكتوبر: 10, نوفمبر: 11, ديسمبر: 12, شباط: 2, اذار: 3, نيسان: 4, ايار: 5,
  حزيران: 6, تموز: 7, ايلول: 9,
}
const WEEKDAYS_EN: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
}
const WEEKDAYS_TR: Record<string, number> = {
  pazartesi: 1, salı: 2, çarşamba: 3, perşembe: 4, cuma: 5, cumartesi: 6, pazar: 7,
}
const WEEKDAYS_AR: Record<string, number> = {
  الثلاثاء: 2, الاربعاء: 3, الخميس: 4, الجمعه: 5, السبت: 6,
}
// These two also mean "the two" and "the one": only after يوم ("day").
const WEEKDAYS_AR_AFTER_DAY: Record<string, number> = { الاثنين: 1, الاحد: 7 }

// ---------------------------------------------------------------------------------------------

/** A word already tokenised and case-folded by the caller (offsets into the same text). */
export interface WordLike {
  text: string
  start: number
  end: number
  fold: string
  cap: boolean
}

interface W {
  text: string
  start: number
  end: number
  fold: string
  cap: boolean
}

function arabicLookup(fold: string, table: Record<string, number>): number | undefined {
  for (const s of arabicStems(fold)) {
    const v = table[s]
    if (v !== undefined) return v
  }
  return undefined
}

/**
 * Turkish number word with an optional ending: `üçte` → 3, `ikisini` → 2; scale words too.
 * `on` (ten), `bin` (thousand) and `yüz` (hundred) are also "him/it", "get on" and "face": they
 * count only bare, as ordinals, or (with `locative`) in the locative of a fraction (`onda bir`).
 */
type TurkishNumber = { value: number; scale: boolean; locative: boolean }
const TR_MEMO = new Map<string, TurkishNumber | null>()

function turkishNumberWord(fold: string, locative = false): TurkishNumber | undefined {
  const key = (locative ? 'L' : 'N') + fold
  let hit = TR_MEMO.get(key)
  if (hit === undefined) {
    hit = readTurkishNumber(fold, locative) ?? null
    if (TR_MEMO.size > 50_000) TR_MEMO.clear()
    TR_MEMO.set(key, hit)
  }
  return hit ?? undefined
}

function readTurkishNumber(fold: string, locative: boolean): TurkishNumber | undefined {
  for (let len = Math.min(fold.length, 7); len >= 2; len--) {
    const stem = fold.slice(0, len)
    const unit = TR_UNITS[stem]
    const scale = TR_SCALES[stem]
    if (unit === undefined && scale === undefined) continue
    const rest = fold.slice(len)
    const isLocative = /^[dt][ae]$/.test(rest)
    if ((stem === 'on' || stem === 'bin' || stem === 'yüz') && rest && !/^(?:[uü]nc[uü]|[iı]nc[iı])$/.test(rest)) {
      if (!(locative && isLocative)) continue
    }
    if (!TR_ENDING.test(rest)) continue
    return { value: unit ?? scale, scale: scale !== undefined, locative: isLocative }
  }
  return undefined
}

interface WordNumber {
  value: number
  scale: boolean
  fraction?: number // denominator for English fraction words
}

function wordValue(w: W, lang: string): WordNumber | undefined {
  if (lang === 'en') {
    const unit = EN_UNITS[w.fold]
    if (unit !== undefined) return { value: unit, scale: false }
    const scale = EN_SCALES[w.fold]
    if (scale !== undefined) return { value: scale, scale: true }
    return undefined
  }
  if (lang === 'tr') {
    const t = turkishNumberWord(w.fold)
    return t && { value: t.value, scale: t.scale }
  }
  if (lang === 'ar') {
    const unit = arabicLookup(w.fold, AR_UNITS)
    if (unit !== undefined) return { value: unit, scale: false }
    const scale = arabicLookup(w.fold, AR_SCALES)
    if (scale !== undefined) return { value: scale, scale: true }
  }
  return undefined
}

/** Adds up a run of number words the usual way: `two hundred thousand` = 200,000. */
function combine(values: WordNumber[]): number {
  let total = 0
  let current = 0
  for (const v of values) {
    if (!v.scale) current += v.value
    else if (v.value === 100) current = (current || 1) * 100
    else {
      total += (current || 1) * v.value
      current = 0
    }
  }
  return total + current
}

// Scale words after digits, each read only in its own language (German `1986 bin ich` is not
// 1,986,000); Turkish scale words take case endings (`20 milyondan`).
const SCALE_AFTER_DIGITS: Record<string, RegExp> = {
  en: /^[\s\u00a0]*(thousand|million|billion|trillion|bn|mn)(?![\p{L}])/iu,
  tr: /^[\s\u00a0]*(milyon|milyar|trilyon|bin)(?:(?<=bin)(?![\p{L}])|(?<!bin)[\p{L}']*)/u,
  ar: /^[\s\u00a0]*(ألف|آلاف|الف|مليون|ملايين|مليار|مليارات|ترليون)(?![\p{L}])/u,
  fr: /^[\s\u00a0]*(millions?|milliards?|mille)(?![\p{L}])/u,
  de: /^[\s\u00a0]*(Millionen|Million|Milliarden|Milliarde|Mio\.?|Mrd\.?)(?![\p{L}])/u,
}
const SCALE_VALUES: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, mn: 1e6, milyon: 1e6,
  milyar: 1e9, trilyon: 1e12, bin: 1e3, ألف: 1e3, آلاف: 1e3, الف: 1e3, مليون: 1e6, ملايين: 1e6,
  مليار: 1e9, مليارات: 1e9, ترليون: 1e12, millions: 1e6, milliard: 1e9, milliards: 1e9,
  mille: 1e3, millionen: 1e6, milliarden: 1e9, milliarde: 1e9, mio: 1e6, 'mio.': 1e6, mrd: 1e9, 'mrd.': 1e9,
}
const PERCENT_AFTER = /^[\s\u00a0]*(%|percent(?:age points?)?|per\s+cent|pct\b|في\s*الما?ئ[ةه]|بالما?ئ[ةه]|بالمية|في\s+المية)/iu
const PERCENT_BEFORE = /(%|yüzde|Yüzde|YÜZDE)[\s\u00a0]*$/u
const ORDINAL_AFTER = /^(st|nd|rd|th)(?![\p{L}])/u

/**
 * The numbers of `text`: digits of any script with their percent signs, scale words and ordinal
 * endings; numeric dates and times; and for English, Turkish and Arabic the numbers, fractions,
 * months and weekdays written in words. Offsets are into `text`.
 *
 * @example extractNumbers('%70\'ini', 'tr')[0] // { text: '%70', value: 70, kind: 'percent', … }
 * @example extractNumbers('about two-thirds of the border', 'en')[0].value // 0.666…
 */
export function extractNumbers(text: string, lang: string, words?: readonly WordLike[]): NumberToken[] {
  const p = primaryLang(lang)
  const norm = asciiDigits(text)
  const out: NumberToken[] = []
  // Characters already part of a number token (a mask: the checks run once per word).
  const taken = new Uint8Array(text.length + 1)
  const overlaps = (s: number, e: number) => {
    for (let k = s; k < e; k++) if (taken[k]) return true
    return false
  }
  const push = (t: NumberToken) => {
    out.push(t)
    taken.fill(1, t.start, t.end)
  }

  const hasDigits = /\d/.test(norm)
  // Numeric dates and times first, so their parts are not read as separate numbers.
  if (hasDigits) for (const m of norm.matchAll(/(?<![\d.,/:-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/-])/g)) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue
    const base = m.index
    push({ text: m[1], start: base, end: base + 4, value: y, kind: 'number', spelled: false, datePart: true })
    const ms = base + 5
    push({ text: m[2], start: ms, end: ms + m[2].length, value: mo, kind: 'month', spelled: false, datePart: true })
    const ds = ms + m[2].length + 1
    push({ text: m[3], start: ds, end: ds + m[3].length, value: d, kind: 'number', spelled: false, datePart: true })
  }
  if (hasDigits) for (const m of norm.matchAll(/(?<![\d.,/])(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})(?![\d/])/g)) {
    if (overlaps(m.index, m.index + m[0].length)) continue
    const a = Number(m[1])
    const b = Number(m[2])
    if (a < 1 || b < 1 || a > 31 || b > 31 || (a > 12 && b > 12)) continue
    let pos = m.index
    for (const part of [m[1], m[2], m[3]]) {
      push({ text: part, start: pos, end: pos + part.length, value: Number(part), kind: 'number', spelled: false, datePart: true })
      pos += part.length + 1
    }
  }
  // Times with a word: `15.30 Uhr`, `15 h 30`, `15h30`.
  if (hasDigits) for (const m of norm.matchAll(/(?<![\d.,:])([01]?\d|2[0-3])(?:[.:]([0-5]\d)\s*(?:Uhr|h\b)|\s?h\.?\s?([0-5]\d)(?!\d))/g)) {
    if (overlaps(m.index, m.index + m[0].length)) continue
    const minutes = Number(m[2] ?? m[3])
    push({ text: text.slice(m.index, m.index + m[0].length), start: m.index, end: m.index + m[0].length, value: Number(m[1]) * 60 + minutes, kind: 'time', spelled: false })
  }
  if (hasDigits) for (const m of norm.matchAll(/(?<![\d.,:])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])/g)) {
    if (overlaps(m.index, m.index + m[0].length)) continue
    push({ text: text.slice(m.index, m.index + m[0].length), start: m.index, end: m.index + m[0].length, value: Number(m[1]) * 60 + Number(m[2]), kind: 'time', spelled: false })
  }
  // Fractions written with a slash: 2/3 (small denominators only; 9/11 and 24/7 are not fractions).
  if (hasDigits) for (const m of norm.matchAll(/(?<![\d.,/])(\d{1,2})\s?\/\s?(\d{1,2})(?![\d/])/g)) {
    if (overlaps(m.index, m.index + m[0].length)) continue
    const a = Number(m[1])
    const b = Number(m[2])
    if (b >= 2 && b <= 10 && a >= 1 && a < b) {
      push({ text: text.slice(m.index, m.index + m[0].length), start: m.index, end: m.index + m[0].length, value: a / b, kind: 'fraction', spelled: false })
    } else {
      push({ text: m[1], start: m.index, end: m.index + m[1].length, value: a, kind: 'number', spelled: false, datePart: true })
      const bs = m.index + m[0].length - m[2].length
      push({ text: m[2], start: bs, end: bs + m[2].length, value: b, kind: 'number', spelled: false, datePart: true })
    }
  }

  // Plain digit numbers with grouping, decimals, percent, scale words and ordinal endings.
  const DIGITS = /(?<![\d])(\d{1,3}(?:[.,\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![\d])/g
  if (hasDigits) for (const m of norm.matchAll(DIGITS)) {
    let start = m.index
    let end = start + m[0].length
    if (overlaps(start, end)) continue
    // A trailing separator-and-digits that the grouping regex left (`1,000.` at sentence end) is fine;
    // a separator glued to a previous number (`2,500-3,500`) has been split by the hyphen already.
    let values = parseDigits(m[0], p)
    // The second year of a range written short: `1954/55` is 1954 to 1955.
    const range = /((?:1[89]|20))\d\d[/–-]$/.exec(norm.slice(Math.max(0, start - 5), start))
    if (range && /^\d\d$/.test(m[0])) values = [...values, Number(range[1] + m[0])]
    let kind: NumberKind = 'number'
    const after = norm.slice(end)
    const before = norm.slice(Math.max(0, start - 8), start)
    const pct = PERCENT_AFTER.exec(after)
    const pctBefore = PERCENT_BEFORE.exec(before)
    if (pct) {
      kind = 'percent'
      end += pct[0].length
    } else if (pctBefore) {
      kind = 'percent'
      start -= pctBefore[0].length
    } else {
      const sc = SCALE_AFTER_DIGITS[p]?.exec(after)
      if (sc) {
        const mult = SCALE_VALUES[sc[1]] ?? SCALE_VALUES[sc[1].toLowerCase()]
        values = values.map((v) => v * mult)
        end += sc[0].length
      } else {
        const ord = ORDINAL_AFTER.exec(after)
        if (ord && p === 'en') {
          kind = 'ordinal'
          end += ord[0].length
        }
      }
    }
    push({
      text: text.slice(start, end),
      start,
      end,
      value: values[0],
      kind,
      spelled: false,
      ...(values.length > 1 ? { alternatives: values.slice(1) } : {}),
    })
  }

  if (p === 'en' || p === 'tr' || p === 'ar') wordNumbers(text, p, push, overlaps, words)
  return out.sort((a, b) => a.start - b.start)
}

// The words that may begin a number phrase, per language (a quick filter; the parser decides).
const EN_STARTERS = new Set([
  ...Object.keys(EN_UNITS), ...Object.keys(EN_SCALES), ...Object.keys(EN_DENOMINATORS),
  ...Object.keys(MONTHS_EN), ...Object.keys(MONTHS_EN).map((m) => m + '.'), ...Object.keys(WEEKDAYS_EN), 'a', 'one',
])
const TR_PREFIXES = new Set(
  [...Object.keys(TR_UNITS), ...Object.keys(TR_SCALES), ...Object.keys(MONTHS_TR), ...Object.keys(WEEKDAYS_TR), 'bir', 'yar', 'çey'].map(
    (w) => w.slice(0, 2),
  ),
)
const AR_WORDS = new Set([
  ...Object.keys(AR_UNITS), ...Object.keys(AR_SCALES), ...Object.keys(AR_FRACTIONS), ...Object.keys(MONTHS_AR),
  ...Object.keys(WEEKDAYS_AR), ...Object.keys(WEEKDAYS_AR_AFTER_DAY), 'كانون', 'تشرين', 'اب',
])
const STARTERS: Record<string, ((fold: string) => boolean) | undefined> = {
  en: (f) => EN_STARTERS.has(f),
  tr: (f) => TR_PREFIXES.has(f.slice(0, 2)),
  ar: (f) => arabicStems(f).some((s) => AR_WORDS.has(s)),
}

const FOLD_MEMO = new Map<string, string>()
function fold(text: string, lang: string): string {
  const key = lang + text
  let f = FOLD_MEMO.get(key)
  if (f === undefined) {
    f = foldCase(text, lang)
    if (FOLD_MEMO.size > 100_000) FOLD_MEMO.clear()
    FOLD_MEMO.set(key, f)
  }
  return f
}

function wordNumbers(
  text: string,
  p: string,
  push: (t: NumberToken) => void,
  overlaps: (s: number, e: number) => boolean,
  given?: readonly WordLike[],
): void {
  const words: W[] = given
    ? given.map((t) => ({ text: t.text, start: t.start, end: t.end, fold: p === 'ar' ? t.text : t.fold, cap: t.cap }))
    : wordTokens(text).map((t) => ({
        ...t,
        fold: p === 'ar' ? t.text : fold(t.text, p),
        cap: /^\p{Lu}/u.test(t.text),
      }))
  const gap = (a: W, b: W) => text.slice(a.end, b.start)
  const adjacent = (a: W, b: W) => /^[\s\u00a0-]*$/.test(gap(a, b)) && gap(a, b).length <= 3
  const precededByDigit = (i: number) => i > 0 && /\d/.test(words[i - 1].text) && adjacent(words[i - 1], words[i])
  const followedByDigit = (i: number) => i + 1 < words.length && /\d/.test(words[i + 1].text) && adjacent(words[i], words[i + 1])
  const tok = (from: W, to: W, value: number, kind: NumberKind): NumberToken => ({
    text: text.slice(from.start, to.end),
    start: from.start,
    end: to.end,
    value,
    kind,
    spelled: true,
  })

  const maybe = STARTERS[p]
  for (let i = 0; i < words.length; i++) {
    const w = words[i]
    // Most words cannot begin a number, a date or a fraction: skip them at once.
    if (maybe && !maybe(w.fold)) continue
    if (overlaps(w.start, w.end)) continue
    const f = w.fold

    // Months and weekdays.
    if (p === 'en') {
      const key = f.replace(/\.$/, '')
      const month = MONTHS_EN[key]
      const besideDay = precededByDigit(i) || followedByDigit(i)
      // "May" and "March" are also verbs, and "Jan" a name: those need a day number or a preposition.
      const ambiguous = key === 'may' || key === 'march' || key.length <= 4
      const afterPreposition = /\b(?:in|of|since|until|by|from|early|late|mid|last|next)[\s-]*$/i.test(text.slice(Math.max(0, w.start - 12), w.start))
      if (month && w.cap && (!ambiguous || besideDay || (key.length > 4 && afterPreposition))) {
        push(tok(w, w, month, 'month'))
        continue
      }
      const day = WEEKDAYS_EN[f]
      if (day && w.cap) {
        push(tok(w, w, day, 'weekday'))
        continue
      }
    } else if (p === 'tr') {
      const month = MONTHS_TR[f]
      if (month && (w.cap || precededByDigit(i))) {
        push(tok(w, w, month, 'month'))
        continue
      }
      const day = WEEKDAYS_TR[f]
      // Turkish writes weekdays in lower case unless in a date: `pazartesi günü` is Monday too.
      const next = words[i + 1]
      if (day && (w.cap || (next && /^gün/.test(next.fold)))) {
        push(tok(w, w, day, 'weekday'))
        continue
      }
    } else if (p === 'ar') {
      const month = arabicLookup(f, MONTHS_AR) ?? (/^و?آب$/.test(w.text) && (precededByDigit(i) || followedByDigit(i)) ? 8 : undefined)
      if (month) {
        push(tok(w, w, month, 'month'))
        continue
      }
      // كانون الثاني / كانون الأول, تشرين الأول / تشرين الثاني
      const next = words[i + 1]
      const stems = arabicStems(f)
      if (next && (stems.includes('كانون') || stems.includes('تشرين'))) {
        const n = arabicStems(next.text)
        const first = n.includes('الاول') || n.includes('اول')
        const second = n.includes('الثاني') || n.includes('ثاني')
        if (first || second) {
          const v = stems.includes('كانون') ? (first ? 12 : 1) : first ? 10 : 11
          push(tok(w, next, v, 'month'))
          i++
          continue
        }
      }
      const day = arabicLookup(f, WEEKDAYS_AR)
      const prev = words[i - 1]
      const afterDay = prev && arabicStems(prev.text).some((s) => s === 'يوم')
      const day2 = afterDay ? WEEKDAYS_AR_AFTER_DAY[arabicStems(f).find((s) => WEEKDAYS_AR_AFTER_DAY[s]) ?? ''] : undefined
      if (day ?? day2) {
        push(tok(w, w, (day ?? day2)!, 'weekday'))
        continue
      }
    }

    // Fractions in words.
    if (p === 'en') {
      const den = EN_DENOMINATORS[f]
      if (den && f !== 'half' && f !== 'halves') {
        // "two-thirds", "a third", "one quarter" need the numerator before them.
        const prev = words[i - 1]
        if (prev && adjacent(prev, w)) {
          const num = prev.fold === 'a' || prev.fold === 'one' ? 1 : EN_UNITS[prev.fold]
          if (num && num < den * 10 && !overlaps(prev.start, prev.end)) {
            push(tok(prev, w, num / den, 'fraction'))
            continue
          }
        }
      } else if (f === 'half') {
        push(tok(w, w, 0.5, 'fraction'))
        continue
      }
    } else if (p === 'tr') {
      if (/^yar[ıi](?:s[ıi](?:n[ıi]|n[ae]|nd[ae])?|m)?$/.test(f) && f !== 'yarın') {
        push(tok(w, w, 0.5, 'fraction'))
        continue
      }
      if (/^çeyre(?:k|ğ[iı](?:n[iı])?)$/.test(f)) {
        push(tok(w, w, 0.25, 'fraction'))
        continue
      }
      // `üçte iki(si)`: denominator in the locative, then the numerator.
      const den = turkishNumberWord(f, true)
      const next = words[i + 1]
      if (den && den.locative && next && adjacent(w, next)) {
        if (f.startsWith('yüz')) {
          // `yüzde 70` is handled with the digits; `yüzde yetmiş` here.
          const run = collectRun(words, i + 1, p, adjacent, overlaps)
          if (run) {
            push(tok(w, words[run.last], run.value, 'percent'))
            i = run.last
            continue
          }
        } else {
          const num = next.fold === 'bir' ? { value: 1, scale: false } : turkishNumberWord(next.fold)
          if (num && !num.scale && num.value < den.value) {
            push(tok(w, next, num.value / den.value, 'fraction'))
            i++
            continue
          }
        }
      }
    } else if (p === 'ar') {
      const frac = arabicLookup(f, AR_FRACTIONS)
      if (frac !== undefined) {
        push(tok(w, w, frac, 'fraction'))
        continue
      }
    }

    // Cardinal numbers in words, possibly several words long.
    const run = collectRun(words, i, p, adjacent, overlaps)
    if (run) {
      let kind: NumberKind = 'number'
      let end = words[run.last]
      const after = text.slice(end.end)
      const pct = PERCENT_AFTER.exec(after)
      let value = run.value
      let tokEnd = end.end
      if (pct && pct[1] !== '%') {
        kind = 'percent'
        tokEnd += pct[0].length
      } else if (p === 'en') {
        // "three quarters", "two thirds" written apart.
        const next = words[run.last + 1]
        const den = next && adjacent(end, next) ? EN_DENOMINATORS[next.fold] : undefined
        if (den && run.words === 1 && value < den * 10 && next.fold !== 'half') {
          value = value / den
          kind = 'fraction'
          end = next
          tokEnd = next.end
          run.last++
        }
      }
      push({ text: text.slice(w.start, tokEnd), start: w.start, end: tokEnd, value, kind, spelled: true })
      i = run.last
    }
  }
}

/** A run of number words starting at `i` (with `and` / `و` / hyphens between), or undefined. */
function collectRun(
  words: W[],
  i: number,
  p: string,
  adjacent: (a: W, b: W) => boolean,
  overlaps: (s: number, e: number) => boolean,
): { value: number; last: number; words: number } | undefined {
  const values: WordNumber[] = []
  let last = -1
  let j = i
  // "a hundred", "one million", "bir milyon": the article counts as 1 only before a scale word.
  const w0 = words[i]
  if (w0 && (w0.fold === 'a' || w0.fold === 'one' || w0.fold === 'bir' || w0.fold === 'واحد')) {
    const next = words[i + 1]
    const nv = next && adjacent(w0, next) ? wordValue(next, p) : undefined
    if (!nv || !nv.scale) return undefined
    values.push({ value: 1, scale: false })
    last = i
    j = i + 1
  }
  for (; j < words.length; j++) {
    const w = words[j]
    if (overlaps(w.start, w.end)) break
    if (last >= 0 && !adjacent(words[last], w)) break
    // English "two hundred and five": `and` joins only when a number word follows it.
    if (p === 'en' && w.fold === 'and') {
      const next = words[j + 1]
      if (last < 0 || !next || !adjacent(w, next) || !wordValue(next, p)) break
      last = j
      continue
    }
    let v = wordValue(w, p)
    // Turkish `bir` and English `one` inside a compound: `yirmi bir`, `twenty-one`.
    if (!v && p === 'tr' && w.fold === 'bir' && values.length) v = { value: 1, scale: false }
    if (!v && p === 'en' && w.fold === 'one' && values.length && !values[values.length - 1].scale) v = { value: 1, scale: false }
    if (!v) break
    values.push(v)
    last = j
  }
  if (last < 0 || values.length === 0) return undefined
  return { value: combine(values), last, words: values.length }
}

// ---------------------------------------------------------------------------------------------
// Comparing

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}

function readings(t: NumberToken): number[] {
  return t.alternatives ? [t.value, ...t.alternatives] : [t.value]
}

/**
 * Whether two number tokens state the same quantity: equal values under any reading, a fraction
 * equal to a percentage (`two-thirds` ~ `67%`), a month equal to the month of a numeric date.
 */
/** `'19` or `19` for 2019: a two-digit number against a year ending in it. */
function shortYear(t: NumberToken, x: number, y: number): boolean {
  return !t.spelled && /^['’]?\d\d$/.test(t.text) && Number.isInteger(y) && y >= 1900 && y <= 2100 && y % 100 === x
}

/**
 * A time against a time or a bare number: `15:00` = `3` (p.m.), `07:55` = `7.55`, each read on the
 * 12-hour clock too.
 */
function sameTime(a: NumberToken, b: NumberToken): boolean {
  const minutes = (t: NumberToken): number[] => {
    if (t.kind === 'time') return [t.value]
    if (t.spelled) return []
    const h = Math.floor(t.value)
    const m = Math.round((t.value - h) * 100)
    return h <= 24 && m < 60 ? [h * 60 + m] : []
  }
  const clock = (v: number) => v % 720
  return minutes(a).some((x) => minutes(b).some((y) => clock(x) === clock(y)))
}

export function sameQuantity(a: NumberToken, b: NumberToken): boolean {
  const calendar = (k: NumberKind) => k === 'month' || k === 'weekday'
  if (calendar(a.kind) || calendar(b.kind)) {
    if (a.kind === b.kind) return a.value === b.value
    const [cal, other] = calendar(a.kind) ? [a, b] : [b, a]
    return cal.kind === 'month' && other.datePart === true && other.value === cal.value
  }
  if (a.kind === 'time' || b.kind === 'time') return sameTime(a, b)
  for (const x of readings(a)) {
    for (const y of readings(b)) {
      if (close(x, y)) return true
      if (shortYear(a, x, y) || shortYear(b, y, x)) return true
      if (a.kind === 'fraction' && b.kind === 'percent' && Math.abs(x * 100 - y) <= 1.5) return true
      if (b.kind === 'fraction' && a.kind === 'percent' && Math.abs(y * 100 - x) <= 1.5) return true
    }
  }
  return false
}

/**
 * Pairs the numbers of two texts one to one (same kind first, then any kind) and returns those
 * left over on each side.
 */
export function matchNumbers(a: readonly NumberToken[], b: readonly NumberToken[]): { a: NumberToken[]; b: NumberToken[] } {
  const usedA = new Set<number>()
  const usedB = new Set<number>()
  // Equal values first, through a table (linear); then the pairwise rules on what is left, which
  // real sentences keep small (and a cap keeps hostile input from making it quadratic).
  const key = (t: NumberToken, v: number) => `${t.kind === 'month' || t.kind === 'weekday' || t.kind === 'time' ? t.kind : 'n'}:${Math.round(v * 1e6)}`
  const table = new Map<string, number[]>()
  b.forEach((t, j) => {
    const k = key(t, t.value)
    const list = table.get(k)
    if (list) list.push(j)
    else table.set(k, [j])
  })
  a.forEach((t, i) => {
    const list = table.get(key(t, t.value))
    const j = list?.find((x) => !usedB.has(x))
    if (j !== undefined) {
      usedA.add(i)
      usedB.add(j)
    }
  })
  if (a.length - usedA.size > 300 || b.length - usedB.size > 300) {
    return { a: a.filter((_, i) => !usedA.has(i)), b: b.filter((_, j) => !usedB.has(j)) }
  }
  for (const sameKind of [true, false]) {
    for (let i = 0; i < a.length; i++) {
      if (usedA.has(i)) continue
      for (let j = 0; j < b.length; j++) {
        if (usedB.has(j)) continue
        if (sameKind && a[i].kind !== b[j].kind) continue
        if (sameQuantity(a[i], b[j])) {
          usedA.add(i)
          usedB.add(j)
          break
        }
      }
    }
  }
  return { a: a.filter((_, i) => !usedA.has(i)), b: b.filter((_, j) => !usedB.has(j)) }
}

/** The value of a number token as a reader would write it (`70%`, `2/3`, `August`). */
export function describeNumber(t: NumberToken): string {
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
  const days = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
  // Group thousands only from five digits: `1930` is more likely a year than "1,930".
  const fmt = (v: number) =>
    Number.isInteger(v) ? (Math.abs(v) >= 10000 ? v.toLocaleString('en-US') : String(v)) : String(Math.round(v * 1000) / 1000)
  switch (t.kind) {
    case 'month':
      return months[t.value - 1] ?? String(t.value)
    case 'weekday':
      return days[t.value - 1] ?? String(t.value)
    case 'time':
      return `${Math.floor(t.value / 60)}:${String(t.value % 60).padStart(2, '0')}`
    case 'percent':
      return `${fmt(t.value)}%`
    case 'fraction': {
      for (let d = 2; d <= 10; d++) {
        const n = Math.round(t.value * d)
        if (n > 0 && Math.abs(n / d - t.value) < 1e-9) return `${n}/${d}`
      }
      return fmt(t.value)
    }
    default:
      return fmt(t.value)
  }
}
