/**
 * Text written in a single-byte code page, as Windows Notepad of a Turkish or Arabic locale saves
 * it: the inverse of `TextDecoder` over the 256 bytes (Node has decoders of the code pages, no
 * encoders). Throws on a character the code page lacks.
 *
 * @example
 * writeFileSync(path, encodeCodePage('Türkçe ığş', 'windows-1254'))
 */
export function encodeCodePage(text: string, label: string): Uint8Array {
  const decoder = new TextDecoder(label)
  const byChar = new Map<string, number>()
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b))
    if (ch !== '\uFFFD') byChar.set(ch, b)
  }
  return Uint8Array.from([...text], (ch) => {
    const b = byChar.get(ch)
    if (b === undefined) throw new Error(`${label} has no ${ch} (U+${ch.codePointAt(0)!.toString(16)})`)
    return b
  })
}
