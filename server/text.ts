/**
 * Text checks and cuts shared by the routes, the schemas and the file formats. No imports, so
 * that the command line and the analysis workers can load the formats without the API's schemas.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/**
 * Whether `s` holds half of a surrogate pair: valid in JSON and in JS strings, not in Unicode
 * (jsonb refuses it, `encodeURIComponent` throws on it).
 */
export function hasLoneSurrogate(s: string): boolean {
  return LONE_SURROGATE.test(s)
}

/**
 * The longest start of `s` of at most `max` UTF-16 units that ends between graphemes, so that an
 * emoji (a surrogate pair, or several joined) or a letter with its accents is never cut in two.
 *
 * @example
 * cutText('ab😀', 3) // 'ab'
 */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s
  let end = 0
  for (const { index, segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)) {
    if (index + segment.length > max) break
    end = index + segment.length
  }
  return s.slice(0, end)
}
