/**
 * The encodings a person can choose for a text file, and what a decode says of itself: the part
 * of `encoding.ts` that the page needs at first paint, without the detector (loaded on first use).
 */

/** An encoding a person can choose, by its WHATWG name (what `TextDecoder#encoding` answers). */
export interface EncodingChoice {
  encoding: string
  /** What it is for, in words. */
  name: string
}

/** The encodings offered for a file, UTF-8 first, then the legacy code pages by script. */
export const ENCODINGS: readonly EncodingChoice[] = [
  { encoding: 'utf-8', name: 'Unicode (UTF-8)' },
  { encoding: 'utf-16le', name: 'Unicode (UTF-16 LE)' },
  { encoding: 'utf-16be', name: 'Unicode (UTF-16 BE)' },
  { encoding: 'windows-1252', name: 'Western European (windows-1252, ISO-8859-1)' },
  { encoding: 'windows-1254', name: 'Turkish (windows-1254, ISO-8859-9)' },
  { encoding: 'windows-1256', name: 'Arabic (windows-1256)' },
  { encoding: 'iso-8859-6', name: 'Arabic (ISO-8859-6)' },
  { encoding: 'windows-1250', name: 'Central European (windows-1250)' },
  { encoding: 'iso-8859-2', name: 'Central European (ISO-8859-2)' },
  { encoding: 'windows-1251', name: 'Cyrillic (windows-1251)' },
  { encoding: 'koi8-r', name: 'Cyrillic (KOI8-R)' },
  { encoding: 'iso-8859-5', name: 'Cyrillic (ISO-8859-5)' },
  { encoding: 'windows-1253', name: 'Greek (windows-1253)' },
  { encoding: 'iso-8859-7', name: 'Greek (ISO-8859-7)' },
  { encoding: 'windows-1255', name: 'Hebrew (windows-1255)' },
  { encoding: 'iso-8859-8', name: 'Hebrew (ISO-8859-8)' },
  { encoding: 'windows-1257', name: 'Baltic (windows-1257)' },
  { encoding: 'windows-874', name: 'Thai (windows-874)' },
  { encoding: 'windows-1258', name: 'Vietnamese (windows-1258)' },
  { encoding: 'shift_jis', name: 'Japanese (Shift_JIS)' },
  { encoding: 'euc-jp', name: 'Japanese (EUC-JP)' },
  { encoding: 'iso-2022-jp', name: 'Japanese (ISO-2022-JP)' },
  { encoding: 'euc-kr', name: 'Korean (EUC-KR)' },
  { encoding: 'gb18030', name: 'Chinese, simplified (GB18030, GBK)' },
  { encoding: 'big5', name: 'Chinese, traditional (Big5)' },
]

/** How the encoding of a text was settled. */
export type EncodingSource =
  /** A byte-order mark said it: certain. */
  | 'bom'
  /** The bytes are valid UTF-8 (plain ASCII among them): as good as certain. */
  | 'utf-8'
  /** The detector's guess for bytes that are not UTF-8: to be confirmed. */
  | 'detected'
  /** A person chose it (`--encoding`, the page's select). */
  | 'chosen'

/** A text read from bytes, with how its encoding was found. */
export interface DecodedText {
  text: string
  /** WHATWG name of the encoding used, e.g. `windows-1254`. */
  encoding: string
  source: EncodingSource
  /** For a detected encoding: the detector's confidence, 0-100. */
  confidence?: number
  /** For a detected encoding: the language the detector took the text for (ISO 639-1), if any. */
  lang?: string
}

/** The description of an encoding for people: `Turkish (windows-1254, ISO-8859-9)`. */
export function encodingName(encoding: string): string {
  return ENCODINGS.find((e) => e.encoding === encoding)?.name ?? encoding
}
