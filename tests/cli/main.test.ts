import { execFile } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse as parseCsv } from 'csv-parse/sync'
import { main } from '../../cli/main.ts'
import { BIN, EN, parallax, SEEDS, TR } from './run.ts'


let dir = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'parallax-cli-'))
  writeFileSync(join(dir, 'empty.txt'), '')
  writeFileSync(join(dir, 'blank.txt'), ' \n\n ')
  writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]))
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]))
  writeFileSync(join(dir, 'secret.txt'), 'hidden')
  chmodSync(join(dir, 'secret.txt'), 0o000)
})

describe('parallax align', () => {
  it('prints beads in vecalign format, headlines and boilerplate as gaps', async () => {
    const { code, stdout, stderr } = await parallax('align', EN, TR)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.trim().split('\n')
    expect(lines.slice(0, 4)).toEqual(['[0]:[]', '[1]:[]', '[2]:[0]', '[3]:[1]'])
    expect(lines).toContain('[11]:[]')
    for (const line of lines) expect(line).toMatch(/^\[(\d+(,\d+)*)?\]:\[(\d+(,\d+)*)?\]$/)
  })

  it('prints TSV with a header row, text and confidence', async () => {
    const { code, stdout } = await parallax('align', EN, TR, '--format', 'tsv', '--src-lang', 'en', '--tgt-lang', 'tr')
    expect(code).toBe(0)
    const rows: string[][] = parseCsv(stdout, { delimiter: '\t' })
    expect(rows[0]).toEqual(['source', 'target', 'confidence'])
    const [src, tgt, confidence] = rows.find((r) => r[0].startsWith('A Taliban*'))!
    expect(src).toContain('Taliban* spokesman')
    expect(tgt).toContain('Taliban sözcüsü')
    expect(Number(confidence)).toBeGreaterThan(0)
  })

  it('quotes TSV fields as RFC 4180 does: a sentence starting with a quote does not swallow the next rows', async () => {
    const src = join(dir, 'quoted-src.txt')
    const tgt = join(dir, 'quoted-tgt.txt')
    writeFileSync(src, '"We will not stop," he said.\nThe "crossing" was closed.\nA last one.\n')
    writeFileSync(tgt, '"Durmayacağız," dedi.\nGeçit kapatıldı.\nSon cümle.\n')
    const { code, stdout } = await parallax('align', src, tgt, '--presplit', '--format', 'tsv', '--src-lang', 'en', '--tgt-lang', 'tr')
    expect(code).toBe(0)
    const rows: string[][] = parseCsv(stdout, { delimiter: '\t' })
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['source', 'target'],
      ['"We will not stop," he said.', '"Durmayacağız," dedi.'],
      ['The "crossing" was closed.', 'Geçit kapatıldı.'],
      ['A last one.', 'Son cümle.'],
    ])
  })

  it('prints JSON with sentence offsets', async () => {
    const { code, stdout } = await parallax('align', EN, TR, '--format', 'json')
    expect(code).toBe(0)
    const out = JSON.parse(stdout)
    expect(out.src.lang).toBe('en')
    expect(out.tgt.lang).toBe('tr')
    expect(out.src.sentences[3]).toMatchObject({ text: expect.stringMatching(/^A Taliban\*/) })
    expect(out.beads[2]).toMatchObject({ src: [2], tgt: [0] })
  })

  it('reads one of the two texts from standard input (-)', async () => {
    const { stdout, code } = await new Promise<{ stdout: string; code: number | null }>((resolve) => {
      const child = execFile(process.execPath, [BIN, 'align', EN, '-'], { encoding: 'utf8' }, (err, out) =>
        resolve({ stdout: out, code: err ? (err as { code: number }).code : 0 }),
      )
      child.stdin!.end(readFileSync(TR))
    })
    expect(code).toBe(0)
    expect(stdout.split('\n').slice(0, 3)).toEqual(['[0]:[]', '[1]:[]', '[2]:[0]'])
  })

  it('takes pre-split input line by line', async () => {
    const src = join(dir, 'src.txt')
    const tgt = join(dir, 'tgt.txt')
    writeFileSync(src, 'One.\n\nThree, after a blank line.\n')
    writeFileSync(tgt, 'Bir.\n\nÜç, boş bir satırdan sonra.\n')
    const { stdout } = await parallax('align', src, tgt, '--presplit', '--format', 'json')
    const out = JSON.parse(stdout)
    expect(out.src.sentences.map((s: { text: string }) => s.text)).toEqual(['One.', '', 'Three, after a blank line.'])
  })

  it.each([
    [['align', 'missing.txt', TR], /missing\.txt: no such file/],
    [['align', '@empty', TR], /the file is empty/],
    [['align', '@blank', TR], /only white space/],
    [['align', '@binary', TR], /binary file/],
    [['align', '@latin1', TR], /not valid UTF-8/],
    [['align', SEEDS, TR], /is a directory/],
    [['align', EN], /expected two files/],
    [['align', EN, TR, '--format', 'xml'], /--format "xml" is not one of/],
    [['align', EN, TR, '--src-lang', 'klingon'], /not a language code/],
    [['align', EN, TR, '--colour'], /^parallax: align has no option --colour \(its options: --presplit, .*\); see parallax --help\n$/],
    [['diverge', EN, TR, '--format', 'tsv'], /^parallax: diverge has no option --format .*for JSON use --json; see parallax --help\n$/],
    [['align', EN, TR, '--src-lang'], /^parallax: --src-lang needs a value \(see parallax --help\)\n$/],
    [['diverge', EN, TR, '--json=yes'], /^parallax: --json takes no value \(see parallax --help\)\n$/],
    [['translate', EN, TR], /unknown command "translate"/],
    [['align', '-', '-'], /only one of SRC and TGT can be standard input/],
  ])('refuses %j with one clear line', async (args, message) => {
    const resolved = args.map((a) => (a.startsWith('@') ? join(dir, `${a.slice(1)}.txt`) : a))
    const { code, stdout, stderr } = await parallax(...resolved)
    expect(code).not.toBe(0)
    expect(stdout).toBe('')
    expect(stderr).toMatch(message)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).not.toMatch(/\bat .*\.ts:\d+/)
    // Node's own hint about positionals that start with '-' is not for people.
    expect(stderr).not.toMatch(/positional|To specify/)
  })

  it.runIf(process.getuid?.() !== 0)('refuses an unreadable file', async () => {
    const { code, stderr } = await parallax('align', join(dir, 'secret.txt'), TR)
    expect(code).toBe(1)
    expect(stderr).toMatch(/permission denied/)
  })
})

describe('parallax diverge', () => {
  it('prints a report with the omissions first', async () => {
    const { code, stdout, stderr } = await parallax('diverge', EN, TR)
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const omissions = stdout.indexOf('OMISSIONS')
    expect(omissions).toBeGreaterThan(-1)
    expect(stdout.indexOf('Taliban*')).toBeGreaterThan(omissions)
    expect(stdout).toMatch(/annotation-marker/)
    expect(stdout).toMatch(/SUMMARY/)
  })

  it('prints the JSON report', async () => {
    const { code, stdout } = await parallax('diverge', EN, TR, '--json')
    expect(code).toBe(0)
    const report = JSON.parse(stdout)
    expect(report.src).toMatchObject({ lang: 'en' })
    expect(report.tgt.sentences[0]).toEqual(expect.objectContaining({ text: expect.any(String), start: 0, end: expect.any(Number) }))
    const kinds = report.beads.flatMap((b: { findings: Array<{ kind: string }> }) => b.findings.map((f) => f.kind))
    expect(kinds).toEqual(expect.arrayContaining(['omission', 'annotation-marker', 'boilerplate', 'partial-omission']))
    expect(kinds).not.toContain('number-mismatch')
    expect(report.summary.counts.omission).toBe(3)
  })

  it('takes --min-confidence: every finding carries one, 0 shows every candidate, a bad value is a one-line error', async () => {
    const findings = async (...extra: string[]) => {
      const { code, stdout } = await parallax('diverge', EN, TR, '--json', ...extra)
      expect(code).toBe(0)
      return JSON.parse(stdout).beads.flatMap((b: { findings: Array<{ kind: string; confidence: number }> }) => b.findings)
    }
    const byDefault = await findings()
    const all = await findings('--min-confidence', '0')
    expect(byDefault.every((f: { confidence: number }) => f.confidence >= 0 && f.confidence <= 1)).toBe(true)
    expect(all.length).toBeGreaterThan(byDefault.length)
    const bad = await parallax('diverge', EN, TR, '--min-confidence', 'high')
    expect([bad.code, bad.stderr.trim().split('\n').length]).toEqual([2, 1])
    expect(bad.stderr).toMatch(/--min-confidence "high" is not a number from 0 to 1/)
  })

  it('takes comparable mode and refuses an unknown one', async () => {
    const ar = join(SEEDS, '002_fbd60fafe6e1c24f.txt')
    const ok = await parallax('diverge', EN, ar, '--mode', 'comparable', '--json')
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout).mode).toBe('comparable')
    const bad = await parallax('diverge', EN, ar, '--mode', 'loose')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--mode "loose" is not one of/)
  })
})

describe('parallax progress', () => {
  /** Streams that remember what was written; stderr claims to be a terminal or not. */
  const io = (tty: boolean) => {
    const out = { stdout: '', stderr: '' }
    return {
      out,
      streams: {
        stdout: { write: (t: string) => (out.stdout += t) },
        stderr: { write: (t: string) => (out.stderr += t), isTTY: tty },
      },
    }
  }
  const long = () => {
    const src = join(dir, 'long-src.txt')
    const tgt = join(dir, 'long-tgt.txt')
    writeFileSync(src, Array.from({ length: 1500 }, (_, k) => `Line ${k} of the report, on day ${k}.`).join('\n'))
    writeFileSync(tgt, Array.from({ length: 1500 }, (_, k) => `Satır ${k}, ${k}. gün.`).join('\n'))
    return [src, tgt]
  }

  it('shows progress on stderr on a terminal, never on stdout', async () => {
    const { out, streams } = io(true)
    expect(await main(['align', ...long(), '--presplit'], streams)).toBe(0)
    expect(out.stderr).toMatch(/aligning \d+%/)
    expect(out.stderr).toMatch(/aligning 100%\n$/)
    expect(out.stdout.trim().split('\n')).toHaveLength(1500)
    expect(out.stdout).not.toMatch(/%/)
  })

  it('stays quiet when stderr is not a terminal', async () => {
    const { out, streams } = io(false)
    expect(await main(['align', ...long(), '--presplit'], streams)).toBe(0)
    expect(out.stderr).toBe('')
  })
})

