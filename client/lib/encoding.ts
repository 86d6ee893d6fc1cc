/**
 * The character encoding of a text file, found and applied in one place for the page and the
 * command line: a byte-order mark first, then UTF-8 validity, then a statistical detector for the
 * legacy code pages (windows-1254 for Turkish, windows-1256 for Arabic, windows-1252…), ICU's
 * detector as the `chardet` package ports it. Decoding goes through `TextDecoder`, which knows
 * every label listed here in browsers and in Node built with full ICU (the official builds).
 *
 * A guess is only a guess: callers show it (the page beside the text, the command line on stderr)
 * and let the person choose another. Nothing here replaces bytes by U+FFFD without saying so.
 */
import { analyse } from 'chardet'
import { encodingName, type DecodedText } from './encodings.ts'

export { ENCODINGS, encodingName, type DecodedText, type EncodingChoice, type EncodingSource } from './encodings.ts'

/** Why bytes cannot be read as text; the message names the problem, not the file. */
export class EncodingError extends Error {
  override name = 'EncodingError'
  constructor(
    message: string,
    readonly code: 'binary' | 'invalid' | 'unknown-encoding' | 'unsupported' | 'undetected',
  ) {
    super(message)
  }
}

/** Bytes the detector reads: enough for its statistics, bounded so that a 5 MB file costs little. */
const SAMPLE_BYTES = 64 * 1024
/** Below this confidence (0-100) the detector's guess is not taken without a person's choice. */
export const MIN_CONFIDENCE = 10

/**
 * The WHATWG name of an encoding label (`ISO-8859-9` → `windows-1254`, `latin1` →
 * `windows-1252`), or `undefined` when this runtime has no decoder for it. The `replacement`
 * encoding (ISO-2022-KR and others WHATWG retired) is refused: it decodes everything to U+FFFD.
 */
export function canonicalEncoding(label: string): string | undefined {
  try {
    const encoding = new TextDecoder(label.trim()).encoding
    return encoding === 'replacement' ? undefined : encoding
  } catch {
    return undefined
  }
}

/** The encoding a byte-order mark at the start of `bytes` names, with the mark's length. */
function bomOf(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 }
  // FF FE 00 00 would be UTF-32 LE, which TextDecoder does not read; its NULs make it "binary".
  if (bytes[0] === 0xff && bytes[1] === 0xfe && !(bytes[2] === 0 && bytes[3] === 0)) return { encoding: 'utf-16le', length: 2 }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 }
  return undefined
}

/**
 * The detector's guesses for bytes that are not UTF-8, best first, as WHATWG names this runtime
 * can decode. UTF-16 and UTF-32 without a mark are left out: the detector takes them from NUL
 * patterns, which binary files have too.
 */
export function guessEncodings(bytes: Uint8Array): Array<{ encoding: string; confidence: number; lang?: string }> {
  const sample = bytes.length > SAMPLE_BYTES ? bytes.subarray(0, SAMPLE_BYTES) : bytes
  const seen = new Set<string>()
  const guesses: Array<{ encoding: string; confidence: number; lang?: string }> = []
  for (const match of analyse(sample)) {
    if (/^(utf-|ascii)/i.test(match.name)) continue
    const encoding = canonicalEncoding(match.name)
    if (!encoding || seen.has(encoding)) continue
    seen.add(encoding)
    guesses.push({ encoding, confidence: match.confidence, ...(match.lang ? { lang: match.lang } : {}) })
  }
  return guesses
}

/**
 * Reads `bytes` as text. With `encoding` (any label `TextDecoder` knows) it is used as given; a
 * byte-order mark of that encoding is dropped. Without it: the byte-order mark, else UTF-8 if
 * the bytes are valid UTF-8, else the detector's best guess, marked `detected` for the caller to
 * show. Throws {@link EncodingError} for binary bytes (NUL), an unknown label, bytes that have no
 * character in the encoding chosen or marked, or bytes no detector recognises.
 *
 * @example
 * const read = decodeText(bytes)
 * if (read.source === 'detected') warn(`read as ${encodingName(read.encoding)}, a guess`)
 */
export function decodeText(bytes: Uint8Array, encoding?: string): DecodedText {
  let read: DecodedText
  const bom = bomOf(bytes)
  if (encoding) {
    const chosen = canonicalEncoding(encoding)
    if (!chosen) {
      throw new EncodingError(`"${encoding}" is not an encoding this program can read (e.g. utf-8, windows-1254, windows-1256)`, 'unknown-encoding')
    }
    const text = strictDecode(chosen, bom && bom.encoding === chosen ? bytes.subarray(bom.length) : bytes)
    if (text === undefined) throw new EncodingError(`the bytes are not valid ${chosen}: some have no character in it`, 'invalid')
    read = { text, encoding: chosen, source: 'chosen' }
  } else if (bom) {
    const text = strictDecode(bom.encoding, bytes.subarray(bom.length))
    if (text === undefined) throw new EncodingError(`starts with the byte-order mark of ${bom.encoding} but is not valid ${bom.encoding}`, 'invalid')
    read = { text, encoding: bom.encoding, source: 'bom' }
  } else {
    const text = strictDecode('utf-8', bytes)
    if (text !== undefined) read = { text, encoding: 'utf-8', source: 'utf-8' }
    else {
      if (bytes.includes(0)) throw new EncodingError('looks like a binary file (it contains NUL bytes), not text', 'binary')
      // The best guess that maps every byte: a code page with holes (windows-1253 has a few)
      // that the bytes fall into is the wrong one.
      let found: DecodedText | undefined
      for (const guess of guessEncodings(bytes)) {
        if (guess.confidence < MIN_CONFIDENCE) break
        const decoded = strictDecode(guess.encoding, bytes)
        if (decoded === undefined) continue
        found = { text: decoded, encoding: guess.encoding, source: 'detected', confidence: guess.confidence, ...(guess.lang ? { lang: guess.lang } : {}) }
        break
      }
      if (!found) throw new EncodingError('is not valid UTF-8, and its encoding could not be recognised', 'undetected')
      read = found
    }
  }
  if (read.text.includes('\u0000')) throw new EncodingError('looks like a binary file (it contains NUL bytes), not text', 'binary')
  return read
}

/**
 * `bytes` in `encoding`, or `undefined` where a byte has no character in it: never U+FFFD in
 * place of what the file holds. A byte-order mark is the caller's to drop.
 */
function strictDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/**
 * One line that says how a text was read, for a person: `read as Turkish (windows-1254,
 * ISO-8859-9), a guess (65% sure)`. Empty for UTF-8, however found: it needs no word.
 */
export function describeDecoding(read: DecodedText): string {
  if (read.encoding === 'utf-8') return ''
  const name = encodingName(read.encoding)
  switch (read.source) {
    case 'utf-8':
      return ''
    case 'bom':
      return `read as ${name} (its byte-order mark says so)`
    case 'chosen':
      return `read as ${name}, as chosen`
    case 'detected':
      return `not UTF-8; read as ${name}, a guess (${Math.round(read.confidence ?? 0)}% sure)`
  }
}
