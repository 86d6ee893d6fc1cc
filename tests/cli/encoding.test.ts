import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { EN, parallax, SEEDS, TR } from './run.ts'
import { encodeCodePage } from '../code-page.ts'

const AR = join(SEEDS, '002_fbd60fafe6e1c24f.txt')

let dir = ''
let tr1254 = ''
let ar1256 = ''
let arUtf8 = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-cli-enc-'))
  tr1254 = join(dir, 'tr-1254.txt')
  writeFileSync(tr1254, encodeCodePage(readFileSync(TR, 'utf8'), 'windows-1254'))
  // windows-1256 has no ARABIC PERCENT SIGN; the file as a Windows editor would save it.
  const arabic = readFileSync(AR, 'utf8').replaceAll('٪', '%')
  arUtf8 = join(dir, 'ar-utf8.txt')
  writeFileSync(arUtf8, arabic)
  ar1256 = join(dir, 'ar-1256.txt')
  writeFileSync(ar1256, encodeCodePage(arabic, 'windows-1256'))
})

describe('parallax and legacy encodings', () => {
  it('reads a windows-1254 Turkish file as the UTF-8 one, and says on stderr that it guessed', async () => {
    const utf8 = await parallax('align', EN, TR, '--format', 'tsv')
    const legacy = await parallax('align', EN, tr1254, '--format', 'tsv')
    expect(legacy.code).toBe(0)
    expect(legacy.stdout).toBe(utf8.stdout)
    expect(legacy.stderr).toMatch(/^parallax: .*tr-1254\.txt: not UTF-8; read as Turkish \(windows-1254, ISO-8859-9\), a guess \(\d+% sure\); if the text is wrong, give --encoding\n$/)
  })

  it('reads a windows-1256 Arabic file for diverge', async () => {
    const utf8 = await parallax('diverge', EN, arUtf8, '--json')
    const legacy = await parallax('diverge', EN, ar1256, '--json')
    expect(legacy.code).toBe(0)
    expect(legacy.stdout).toBe(utf8.stdout)
    expect(legacy.stderr).toMatch(/ar-1256\.txt: not UTF-8; read as Arabic \(windows-1256\)/)
  })

  it('takes the encoding given, for both files or one side, and says so', async () => {
    const utf8 = await parallax('align', EN, TR)
    const chosen = await parallax('align', EN, tr1254, '--tgt-encoding', 'iso-8859-9')
    expect(chosen.stdout).toBe(utf8.stdout)
    expect(chosen.stderr).toMatch(/tr-1254\.txt: read as Turkish \(windows-1254, ISO-8859-9\), as chosen\n$/)
    // The English file is ASCII, the same bytes in windows-1254.
    expect((await parallax('align', EN, tr1254, '--encoding', 'windows-1254')).stdout).toBe(utf8.stdout)
  })

  it('refuses a wrong or unknown encoding in one line rather than garble', async () => {
    const wrong = await parallax('align', EN, tr1254, '--encoding', 'utf-8')
    expect(wrong.code).toBe(1)
    expect(wrong.stdout).toBe('')
    expect(wrong.stderr).toMatch(/^parallax: .*tr-1254\.txt: the bytes are not valid utf-8: some have no character in it \(give its encoding with --encoding, e\.g\. windows-1254\)\n$/)
    const unknown = await parallax('align', EN, TR, '--encoding', 'klingon')
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toBe('parallax: --encoding "klingon" is not an encoding this program can read (e.g. utf-8, windows-1254, windows-1256)\n')
  })
})
