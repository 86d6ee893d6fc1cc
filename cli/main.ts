import { readFileSync, statSync } from 'node:fs'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { align } from '../alignment/align.ts'
import { formatBeads } from '../alignment/bead-format.ts'
import { detectLanguage, isValidLanguageTag } from '../alignment/language.ts'
import { segment } from '../alignment/segment.ts'
import type { Bead, CompareMode, ProgressFn, Sentence } from '../alignment/types.ts'
import { toTsvRows } from '../server/formats/tsv.ts'
import { canonicalEncoding, decodeText, describeDecoding, EncodingError } from '../client/lib/encoding.ts'

/**
 * The `parallax` command line: `align` and `diverge` over two text files.
 *
 * Output goes to stdout; progress (on a terminal only) and errors go to stderr, one line each, never
 * a stack trace. Exit codes: 0 success, 1 bad input (file, option), 2 usage.
 */

const USAGE = `Usage:
  parallax align SRC TGT [--presplit] [--src-lang L] [--tgt-lang L] [--encoding E] [--format beads|tsv|json]
  parallax diverge SRC TGT [--presplit] [--src-lang L] [--tgt-lang L] [--encoding E] [--mode translation|comparable] [--min-confidence C] [--json]

  SRC, TGT     text files: the original and its other version (one of them may be -, standard input)
  --presplit   the files hold one sentence per line (a blank line is still a sentence)
  --src-lang, --tgt-lang   ISO 639-1 language codes (detected when omitted)
  --encoding, --src-encoding, --tgt-encoding   the files' encoding, e.g. windows-1254, windows-1256
               (default: a byte-order mark, else UTF-8, else detected and said on stderr)
  --format     beads: one bead per line, [0]:[0], [1,2]:[3], [4]:[], []:[5] (default)
               tsv:   a header row, then source text, target text, confidence (quoted as in RFC 4180)
               json:  sentences with offsets, beads with confidences
  --mode       translation or comparable (detected when omitted)
  --min-confidence   leave out content findings less sure than C, 0 to 1 (default 0.5; 0 shows every candidate)
  --json       print the divergence report as JSON
`

/** A problem the user can fix: printed as one line, exit code 1 (or 2 for usage). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}

const COMMON_OPTIONS = {
  presplit: { type: 'boolean' },
  'src-lang': { type: 'string' },
  'tgt-lang': { type: 'string' },
  encoding: { type: 'string' },
  'src-encoding': { type: 'string' },
  'tgt-encoding': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options']

/** Streams the command writes to, replaceable in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown }
  stderr: { write(text: string): unknown; isTTY?: boolean }
}

/**
 * Runs the command line with `argv` (without `node` and the script) and returns the exit code.
 */
export async function main(argv: string[], io: CliIo = process): Promise<number> {
  try {
    const [command, ...rest] = argv
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      io.stdout.write(USAGE)
      return command ? 0 : 2
    }
    if (command === 'align') runAlign(rest, io)
    else if (command === 'diverge') await runDiverge(rest, io)
    else throw new CliError(`unknown command "${command}" (expected align or diverge; see parallax --help)`, 2)
    return 0
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr.write(`parallax: ${err.message}\n`)
      return err.exitCode
    }
    io.stderr.write(`parallax: internal error: ${err instanceof Error ? err.message : String(err)}\n`)
    return 70
  }
}

/** Parsed options: strings and flags by name (parseArgs has checked their types). */
type Values = Record<string, string | boolean | undefined>

function parse(command: 'align' | 'diverge', argv: string[], extra: ParseArgsConfig['options']): { values: Values; src: string; tgt: string } {
  const options = { ...COMMON_OPTIONS, ...extra }
  let parsed: { values: Values; positionals: string[] }
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (err) {
    throw optionError(command, options, err)
  }
  const values: Values = parsed.values
  const positionals = parsed.positionals
  if (values.help) throw new CliError(USAGE.trimEnd(), 0)
  if (positionals.length !== 2) {
    throw new CliError(`expected two files, SRC and TGT, got ${positionals.length} (see parallax --help)`, 2)
  }
  if (positionals[0] === '-' && positionals[1] === '-') {
    throw new CliError('only one of SRC and TGT can be standard input (-)', 2)
  }
  for (const key of ['src-lang', 'tgt-lang'] as const) {
    const lang = values[key]
    if (lang !== undefined && !isValidLanguageTag(String(lang))) {
      throw new CliError(`--${key} "${lang}" is not a language code (use ISO 639-1, e.g. en, tr, ar)`, 2)
    }
  }
  for (const key of ['encoding', 'src-encoding', 'tgt-encoding'] as const) {
    const label = values[key]
    if (label !== undefined && !canonicalEncoding(String(label))) {
      throw new CliError(`--${key} "${label}" is not an encoding this program can read (e.g. utf-8, windows-1254, windows-1256)`, 2)
    }
  }
  return { values, src: positionals[0], tgt: positionals[1] }
}

/** The encoding given for one side: its own option, else `--encoding`; undefined: detect. */
function encodingOf(values: Values, side: 'src' | 'tgt'): string | undefined {
  return optional(values[`${side}-encoding`]) ?? optional(values.encoding)
}

/**
 * The CLI's own one-line message for what `parseArgs` refuses (an unknown option, a missing or
 * unwanted value), rather than Node's text and its hint about positionals starting with `-`.
 */
function optionError(command: 'align' | 'diverge', options: NonNullable<ParseArgsConfig['options']>, err: unknown): unknown {
  const code = err instanceof TypeError && 'code' in err ? String(err.code) : ''
  if (!code.startsWith('ERR_PARSE_ARGS')) return err
  const message = (err as Error).message
  // Node quotes the option as it was written: '--format', '-x', '--src-lang <value>'.
  const name = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? ''
  const known = Object.keys(options)
    .filter((o) => o !== 'help')
    .map((o) => `--${o}`)
    .join(', ')
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const hint = command === 'diverge' && name === '--format' ? '; for JSON use --json' : ''
    return new CliError(`${command} has no option ${name || 'like that'} (its options: ${known})${hint}; see parallax --help`, 2)
  }
  if (/argument missing/.test(message)) return new CliError(`${name} needs a value (see parallax --help)`, 2)
  if (/does not take an argument/.test(message)) return new CliError(`${name} takes no value (see parallax --help)`, 2)
  return new CliError(`${message.split('\n')[0].replace(/\. To specify a positional.*$/, '')} (see parallax --help)`, 2)
}

/** A string option's value, or undefined when not given. */
const optional = (value: string | boolean | undefined) => (typeof value === 'string' ? value : undefined)

/**
 * Reads a text file, refusing what is not a non-empty text with a message that says why. The
 * encoding is `encoding` when given, else found (client/lib/encoding.ts: byte-order mark, UTF-8,
 * then the detector); anything but UTF-8 is said on `stderr`, so a guess never passes unseen.
 */
export function readText(path: string, encoding?: string, stderr?: CliIo['stderr']): string {
  let bytes: Buffer
  try {
    // `-` is standard input, so that another program's output can be compared directly.
    if (path === '-') bytes = readFileSync(0)
    else if (statSync(path).isDirectory()) throw new CliError(`${path}: is a directory, not a text file`)
    else bytes = readFileSync(path)
  } catch (err) {
    if (err instanceof CliError) throw err
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new CliError(`${path}: no such file`)
    if (code === 'EACCES' || code === 'EPERM') throw new CliError(`${path}: permission denied`)
    throw new CliError(`${path}: cannot read (${code ?? 'unknown error'})`)
  }
  if (bytes.length === 0) throw new CliError(`${path}: the file is empty`)
  let text: string
  try {
    const read = decodeText(bytes, encoding)
    text = read.text
    const said = describeDecoding(read)
    if (said) stderr?.write(`parallax: ${path}: ${said}${read.source === 'detected' ? '; if the text is wrong, give --encoding' : ''}\n`)
  } catch (err) {
    if (!(err instanceof EncodingError)) throw err
    const hint = err.code === 'undetected' || err.code === 'invalid' ? ' (give its encoding with --encoding, e.g. windows-1254)' : ''
    throw new CliError(`${path}: ${err.message}${hint}`)
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (!text.trim()) throw new CliError(`${path}: holds only white space`)
  return text
}

/** Progress on stderr, only where a person watches (a terminal) and the input is long. */
function progressReporter(io: CliIo, sentences: number, label: string): ProgressFn | undefined {
  if (!io.stderr.isTTY || sentences < 2000) return undefined
  let lastPercent = -1
  return (done, total) => {
    const percent = Math.floor((100 * done) / Math.max(1, total))
    if (percent === lastPercent) return
    lastPercent = percent
    io.stderr.write(`\r${label} ${percent}%${percent >= 100 ? '\n' : ''}`)
  }
}

interface Side {
  lang: string
  text: string
  sentences: Sentence[]
}

function loadSide(path: string, lang: string | undefined, presplit: boolean, encoding: string | undefined, io: CliIo): Side {
  const text = readText(path, encoding, io.stderr)
  const detected = lang ?? detectLanguage(text.slice(0, 20_000))
  return { lang: detected, text, sentences: segment(text, { lang: detected, presplit }) }
}

function runAlign(argv: string[], io: CliIo): void {
  const { values, src, tgt } = parse('align', argv, { format: { type: 'string', default: 'beads' } })
  const format = String(values.format)
  if (!['beads', 'tsv', 'json'].includes(format)) {
    throw new CliError(`--format "${format}" is not one of beads, tsv, json`, 2)
  }
  const presplit = Boolean(values.presplit)
  const s = loadSide(src, optional(values['src-lang']), presplit, encodingOf(values, 'src'), io)
  const t = loadSide(tgt, optional(values['tgt-lang']), presplit, encodingOf(values, 'tgt'), io)
  const beads = align(
    s.sentences.map((x) => x.text),
    t.sentences.map((x) => x.text),
    { srcLang: s.lang, tgtLang: t.lang, onProgress: progressReporter(io, s.sentences.length + t.sentences.length, 'aligning') },
  )
  io.stdout.write(renderAlignment(format, s, t, beads))
}

/** The `align` output in one of its three formats. */
export function renderAlignment(format: string, s: Side, t: Side, beads: Bead[]): string {
  if (format === 'beads') return formatBeads(beads)
  if (format === 'tsv') {
    // A header row, then one row per bead; fields quoted as RFC 4180 quotes them (server/formats/tsv.ts).
    const flat = (side: Side, idx: number[]) => idx.map((k) => side.sentences[k].text).join(' ').replace(/\s+/g, ' ').trim()
    return toTsvRows([['source', 'target', 'confidence'], ...beads.map((b) => [flat(s, b.src), flat(t, b.tgt), b.confidence.toFixed(3)])])
  }
  const version = (side: Side) => ({
    lang: side.lang,
    sentences: side.sentences.map(({ text, start, end }) => ({ text, start, end })),
  })
  return JSON.stringify({ src: version(s), tgt: version(t), beads: beads.map(({ src, tgt, confidence }) => ({ src, tgt, confidence: round(confidence) })) }, null, 2) + '\n'
}

const round = (x: number) => Math.round(x * 1000) / 1000

async function runDiverge(argv: string[], io: CliIo): Promise<void> {
  const { values, src, tgt } = parse('diverge', argv, { mode: { type: 'string' }, json: { type: 'boolean' }, 'min-confidence': { type: 'string' } })
  const mode = values.mode === undefined ? 'auto' : String(values.mode)
  if (!['translation', 'comparable', 'auto'].includes(mode)) {
    throw new CliError(`--mode "${mode}" is not one of translation, comparable`, 2)
  }
  const rawMin = values['min-confidence']
  const minConfidence = rawMin === undefined ? undefined : Number(rawMin)
  if (minConfidence !== undefined && !(minConfidence >= 0 && minConfidence <= 1)) {
    throw new CliError(`--min-confidence "${String(rawMin)}" is not a number from 0 to 1`, 2)
  }
  const srcText = readText(src, encodingOf(values, 'src'), io.stderr)
  const tgtText = readText(tgt, encodingOf(values, 'tgt'), io.stderr)
  // Loaded here so that \`align\` does not pay for the divergence finder.
  const { compare } = await import('../alignment/diverge.ts')
  const { formatReport } = await import('../alignment/divergence/report-text.ts')
  const report = compare(srcText, tgtText, {
    srcLang: optional(values['src-lang']),
    tgtLang: optional(values['tgt-lang']),
    presplit: Boolean(values.presplit),
    mode: mode as CompareMode | 'auto',
    minConfidence,
    onProgress: progressReporter(io, (srcText.length + tgtText.length) / 100, 'comparing'),
  })
  io.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report))
}
