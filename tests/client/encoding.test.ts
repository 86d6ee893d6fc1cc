import { describe, expect, it } from 'vitest'
import { canonicalEncoding, decodeText, describeDecoding, EncodingError } from '../../client/lib/encoding.ts'
import { encodeCodePage as encode } from '../code-page.ts'

const TURKISH =
  "Türkiye'de yapılan açıklamaya göre, sınır kapısında bekleyen araçların sayısı dün öğleden sonra iki katına çıktı. " +
  'İçişleri Bakanlığı sözcüsü, güvenlik önlemlerinin artırıldığını söyledi.\n'
const ARABIC =
  'قالت وزارة الداخلية إن عدد السيارات التي تنتظر عند المعبر الحدودي تضاعف بعد ظهر أمس. ' +
  'وأضاف المتحدث أن الإجراءات الأمنية قد تم تعزيزها.\n'

/** The compact rendering of a decode: `encoding/source`. */
const how = (bytes: Uint8Array, encoding?: string) => {
  const read = decodeText(bytes, encoding)
  return `${read.encoding}/${read.source}`
}

describe('decodeText', () => {
  it('reads a windows-1254 Turkish file as windows-1254, every letter intact, and says it guessed', () => {
    const bytes = encode(TURKISH, 'windows-1254')
    // The bug: UTF-8 with replacement characters.
    expect(new TextDecoder().decode(bytes)).toContain('\uFFFD')
    const read = decodeText(bytes)
    expect(read).toMatchObject({ encoding: 'windows-1254', source: 'detected', lang: 'tr' })
    expect(read.text).toBe(TURKISH)
    expect(describeDecoding(read)).toMatch(/^not UTF-8; read as Turkish \(windows-1254, ISO-8859-9\), a guess \(\d+% sure\)$/)
  })

  it('reads a windows-1256 Arabic file as windows-1256', () => {
    const read = decodeText(encode(ARABIC, 'windows-1256'))
    expect(read).toMatchObject({ encoding: 'windows-1256', source: 'detected', lang: 'ar' })
    expect(read.text).toBe(ARABIC)
  })

  it('takes a byte-order mark first, then UTF-8 validity', () => {
    const utf8 = new TextEncoder().encode(TURKISH)
    expect(how(utf8)).toBe('utf-8/utf-8')
    expect(how(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toBe('utf-8/bom')
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])).text).toBe(TURKISH)
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...ARABIC].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])])
    expect(how(utf16)).toBe('utf-16le/bom')
    expect(decodeText(utf16).text).toBe(ARABIC)
    expect(how(new TextEncoder().encode('plain ASCII\n'))).toBe('utf-8/utf-8')
  })

  it('uses the encoding a person chose, by any label TextDecoder knows', () => {
    const bytes = encode(TURKISH, 'windows-1254')
    expect(how(bytes, 'ISO-8859-9')).toBe('windows-1254/chosen')
    expect(decodeText(bytes, 'iso-8859-9').text).toBe(TURKISH)
    // A wrong single-byte choice reads without error but gives other letters: the person sees them.
    expect(decodeText(bytes, 'windows-1252').text).toContain('ý')
  })

  it('refuses rather than garbles: a wrong UTF choice, an unknown label, binary bytes', () => {
    const code = (f: () => unknown) => {
      try {
        f()
        return 'ok'
      } catch (err) {
        return err instanceof EncodingError ? err.code : String(err)
      }
    }
    expect(code(() => decodeText(encode(TURKISH, 'windows-1254'), 'utf-8'))).toBe('invalid')
    expect(code(() => decodeText(new TextEncoder().encode('x'), 'klingon-1'))).toBe('unknown-encoding')
    expect(code(() => decodeText(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 0xff])))).toBe('binary')
    expect(code(() => decodeText(Uint8Array.from([0x61, 0, 0x62])))).toBe('binary')
  })
})

describe('canonicalEncoding', () => {
  it('names labels as WHATWG does and refuses the replacement encoding', () => {
    expect(['latin1', 'ISO-8859-9', 'cp1256', 'utf8', 'iso-2022-kr'].map((l) => canonicalEncoding(l) ?? '-').join(' ')).toBe(
      'windows-1252 windows-1254 windows-1256 utf-8 -',
    )
  })
})
