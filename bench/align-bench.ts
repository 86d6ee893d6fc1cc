/**
 * The aligner benchmark: quality on the seed pair, Text+Berg dev and test (test0–6 pooled as
 * vecalign's scorer pools), Text+Berg test with 7% of the target sentences dropped in runs, NTREX
 * news reports en–tr and en–ar with injected deletions, insertions, merges and splits (the edited
 * sets of align-sets.ts, seed BENCH_SEED), the Bible zh–en set, each next to the issue's target
 * where it sets one; speed and peak memory on each; and a scaling row,
 * the time for N and for 2N sentences per side, built by concatenating the bench documents.
 *
 *   npm run bench                       data from ../shared/bench
 *   npm run bench -- --bench DIR        another folder with the same layout
 *   npm run bench -- --scale 25000      N of the scaling row (default 25000; 0 skips it)
 *
 * Every measurement runs in a child process of its own, so that its peak memory (max RSS) is its
 * own and not the benchmark's.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { align } from '../alignment/align.ts'
import { diverge } from '../alignment/diverge.ts'
import { segment } from '../alignment/segment.ts'
import { parseBeads } from '../alignment/bead-format.ts'
import { addCounts, countAlignment, scoreCounts, ZERO_COUNTS, type AlignmentCounts } from '../alignment/evaluate.ts'
import { BENCH_SEED, ntrexEdited, textberg, textbergDropped, TEXTBERG_TEST, type GoldDoc } from './align-sets.ts'

interface RunResult {
  sentences: number
  seconds: number
  /** CPU time of the process (user + system), steadier than wall time on a busy machine. */
  cpuSeconds: number
  maxRssMiB: number
  counts?: AlignmentCounts
}

const lines = (path: string) => readFileSync(path, 'utf8').replace(/\r?\n$/, '').split(/\r?\n/)

/**
 * The sets, each a loader of documents with gold beads, and the issue's target strict F1 where it
 * sets one. The edited sets are built with the seeded edits of align-sets.ts (seed BENCH_SEED).
 */
function sets(bench: string): Record<string, { load: () => GoldDoc[]; target?: number }> {
  const file = (name: string, dir: string, src: string, tgt: string, gold: string, srcLang: string, tgtLang: string): GoldDoc => ({
    name,
    src: lines(join(bench, dir, src)),
    tgt: lines(join(bench, dir, tgt)),
    gold: parseBeads(readFileSync(join(bench, dir, gold), 'utf8')),
    srcLang,
    tgtLang,
  })
  return {
    'seed pair en-tr (pre-split)': { load: () => [file('seed', 'seeds-en-tr', 'en.sent', 'tr.sent', 'gold.txt', 'en', 'tr')], target: 1 },
    'Text+Berg dev de-fr': { load: () => [textberg(bench, 'dev')] },
    'Text+Berg test0-6 de-fr': { load: () => TEXTBERG_TEST.map((name) => textberg(bench, name)), target: 0.9 },
    'Text+Berg test, 7% dropped': { load: () => textbergDropped(bench, TEXTBERG_TEST, 0.07, BENCH_SEED), target: 0.87 },
    'NTREX en-tr, edited': { load: () => ntrexEdited(bench, 'tr', BENCH_SEED), target: 0.98 },
    'NTREX en-ar, edited': { load: () => ntrexEdited(bench, 'ar', BENCH_SEED), target: 0.98 },
    'Bible en-zh': { load: () => [file('bible', 'bible-zhen-bertalign', 'en.txt', 'zh.txt', 'gold.align', 'en', 'zh')] },
  }
}

/** Child mode: align the documents, print counts, time and memory as JSON. */
function child(docs: GoldDoc[], scale: number): RunResult {
  let counts = ZERO_COUNTS
  let sentences = 0
  let seconds = 0
  let cpuSeconds = 0
  if (scale > 0) {
    // The scaling corpus: whole bench documents, one after another, until N source sentences.
    const src: string[] = []
    const tgt: string[] = []
    while (src.length < scale) {
      for (const d of docs) {
        src.push(...d.src)
        tgt.push(...d.tgt)
        if (src.length >= scale) break
      }
    }
    src.length = scale
    tgt.length = Math.min(tgt.length, scale)
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    align(src, tgt)
    seconds = (performance.now() - t0) / 1000
    const c = process.cpuUsage(c0)
    cpuSeconds = (c.user + c.system) / 1e6
    sentences = src.length + tgt.length
  } else {
    for (const d of docs) {
      const t0 = performance.now()
      const beads = align(d.src, d.tgt, { srcLang: d.srcLang, tgtLang: d.tgtLang })
      seconds += (performance.now() - t0) / 1000
      sentences += d.src.length + d.tgt.length
      counts = addCounts(counts, countAlignment(d.gold, beads))
    }
  }
  return { sentences, seconds, cpuSeconds, maxRssMiB: process.resourceUsage().maxRSS / 1024, counts: scale > 0 ? undefined : counts }
}

/**
 * Child mode for the engine rows: segmentation of 50,000 sentences of running text (the seed
 * reports' paragraphs, repeated) and the divergence finder over Text+Berg test0–6.
 */
function engineChild(bench: string): { segment: { sentences: number; seconds: number }; diverge: { beads: number; findings: number; seconds: number } } {
  const seedText = readFileSync(resolve(import.meta.dirname, '../seeds/001_ca6b3e2cd13aa704.txt'), 'utf8')
  const paragraphs = seedText.split(/\n\s*\n/).slice(2, -1).join('\n\n')
  const per = segment(paragraphs, { lang: 'en' }).length
  const text = Array.from({ length: Math.ceil(50_000 / per) }, () => paragraphs).join('\n\n')
  let t0 = performance.now()
  const sentences = segment(text, { lang: 'en' }).length
  const segmentSeconds = (performance.now() - t0) / 1000
  let beads = 0
  let findings = 0
  let divergeSeconds = 0
  for (const d of sets(bench)['Text+Berg test0-6 de-fr'].load()) {
    const version = (text: string[], lang: string) => {
      const content = text.join('\n')
      return { text: content, lang, sentences: segment(content, { lang, presplit: true }) }
    }
    const src = version(d.src, d.srcLang)
    const tgt = version(d.tgt, d.tgtLang)
    const aligned = align(src.sentences.map((s) => s.text), tgt.sentences.map((s) => s.text), { srcLang: d.srcLang, tgtLang: d.tgtLang })
    t0 = performance.now()
    const report = diverge(src, tgt, aligned)
    divergeSeconds += (performance.now() - t0) / 1000
    beads += report.beads.length
    findings += report.beads.reduce((n, b) => n + b.findings.length, 0)
  }
  return { segment: { sentences, seconds: segmentSeconds }, diverge: { beads, findings, seconds: divergeSeconds } }
}

/** `taskset` pins a child to one core where it exists (Linux), so that "one core" is literal. */
const PIN: string[] = (() => {
  try {
    execFileSync('taskset', ['-c', '0', 'true'], { stdio: 'ignore' })
    return ['taskset', '-c', '0']
  } catch {
    return []
  }
})()

function runChild(name: string, scale: number, bench: string): RunResult {
  const args = ['--import', 'tsx', import.meta.filename, '--child', name, '--bench', bench, '--scale', String(scale)]
  const [command, ...prefix] = scale > 0 && PIN.length ? [...PIN, process.execPath] : [process.execPath]
  const out = execFileSync(command, [...prefix, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 20,
  })
  return JSON.parse(out) as RunResult
}

const { values } = parseArgs({
  options: {
    bench: { type: 'string', default: resolve(import.meta.dirname, '../../shared/bench') },
    scale: { type: 'string', default: '25000' },
    child: { type: 'string' },
  },
})
const bench = resolve(values.bench!)
const all = sets(bench)

if (values.child !== undefined) {
  if (values.child === 'engine') {
    process.stdout.write(JSON.stringify(engineChild(bench)))
    process.exit(0)
  }
  // The scaling corpus: the original bench documents (not the seed pair, not the edited copies).
  const original = ['Text+Berg dev de-fr', 'Text+Berg test0-6 de-fr', 'Bible en-zh']
  const docs = values.child === 'scale' ? original.flatMap((name) => all[name].load()) : all[values.child].load()
  process.stdout.write(JSON.stringify(child(docs, Number(values.scale) && values.child === 'scale' ? Number(values.scale) : 0)))
} else {
  if (!existsSync(join(bench, 'textberg'))) {
    console.error(`bench: no bench data in ${bench} (give another folder with --bench DIR)`)
    process.exit(1)
  }
  const f = (x: number) => x.toFixed(3)
  console.log(`Parallax aligner benchmark — data: ${bench}`)
  console.log('set                              strict P/R/F1         target  lax P/R/F1            sent/s   peak MiB')
  for (const [name, set] of Object.entries(all)) {
    const r = runChild(name, 0, bench)
    const s = scoreCounts(r.counts!)
    const target = set.target === undefined ? '      ' : `${s.f1Strict >= set.target ? '≥' : '<'}${set.target.toFixed(2)}`
    console.log(
      `${name.padEnd(32)} ${f(s.precisionStrict)} ${f(s.recallStrict)} ${f(s.f1Strict)}   ${target}   ${f(s.precisionLax)} ${f(s.recallLax)} ${f(s.f1Lax)}   ${String(Math.round(r.sentences / r.seconds)).padStart(7)}   ${r.maxRssMiB.toFixed(0).padStart(6)}`,
    )
  }
  const engine = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', 'engine', '--bench', bench], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
  )
  console.log(
    `segmentation: ${engine.segment.sentences} sentences of running English in ${(engine.segment.seconds * 1000).toFixed(0)} ms (${Math.round(engine.segment.sentences / engine.segment.seconds)} sentences/s)`,
  )
  console.log(
    `divergences: Text+Berg test0-6, ${engine.diverge.beads} beads, ${engine.diverge.findings} findings in ${(engine.diverge.seconds * 1000).toFixed(0)} ms (${Math.round(engine.diverge.beads / engine.diverge.seconds)} beads/s)`,
  )
  const n = Number(values.scale)
  if (n > 0) {
    const one = runChild('scale', n, bench)
    const two = runChild('scale', 2 * n, bench)
    const row = (label: string, r: RunResult) =>
      `${label}: ${r.seconds.toFixed(2)} s wall, ${r.cpuSeconds.toFixed(2)} s CPU, peak ${r.maxRssMiB.toFixed(0)} MiB`
    console.log(`scaling (sentences per side${PIN.length ? ', pinned to one core' : ''}):`)
    console.log(`  ${row(`N  = ${n}`, one)}`)
    console.log(`  ${row(`2N = ${2 * n}`, two)}`)
    console.log(`  ratio 2N/N: ${(two.seconds / one.seconds).toFixed(2)} wall, ${(two.cpuSeconds / one.cpuSeconds).toFixed(2)} CPU`)
  }
}
