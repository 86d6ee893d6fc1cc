/**
 * The divergence benchmark: labelled cases built from real translations, scored per kind.
 *
 *   npm run bench:diverge                          en–tr and en–ar (NTREX news), de–fr (Text+Berg)
 *   npm run bench:diverge -- --pairs en-tr         one pair
 *   npm run bench:diverge -- --seed 7              other cases (tune with another seed than 1)
 *   npm run bench:diverge -- --misses omission     print the cases of a kind the finder missed
 *   npm run bench:diverge -- --threshold 0.5       count only findings at or above a confidence
 *
 * Each document is changed on one side (see bench/diverge/inject.ts), at most one change per eight
 * sentences, in several variants with different changes; the unchanged documents give the false
 * alarms. Texts go through `compare` one sentence per line, languages given, mode `auto`: what a
 * user gets. The baseline is the aligner's own 1-0 and 0-1 beads.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { align } from '../alignment/align.ts'
import { parseBeads } from '../alignment/bead-format.ts'
import { compare, DEFAULT_MIN_CONFIDENCE } from '../alignment/diverge.ts'
import { inject, makeDoc, materialise, namesIn, Rng, type CaseKind, type Doc, type Materialised, type Pool } from './diverge/inject.ts'
import { scoreDoc, type CaseResult, type DocScore } from './diverge/score.ts'

const { values } = parseArgs({
  options: {
    bench: { type: 'string', default: '../shared/bench' },
    pairs: { type: 'string', default: 'en-tr,en-ar,de-fr' },
    seed: { type: 'string', default: '1' },
    variants: { type: 'string' },
    misses: { type: 'string' },
    alarms: { type: 'boolean', default: false },
    threshold: { type: 'string' },
  },
})
const bench = values.bench!
const seed = Number(values.seed)
const threshold = values.threshold === undefined ? DEFAULT_MIN_CONFIDENCE : Number(values.threshold)
const lines = (p: string) => readFileSync(p, 'utf8').replace(/\n$/, '').split('\n').map((l) => l.trim())

const KINDS: CaseKind[] = ['omission', 'omission-run', 'partial-omission', 'number-digits', 'number-words', 'number-headline', 'name-elsewhere', 'name-new', 'addition', 'annotation-marker', 'negation']
const ROWS: Array<[string, CaseKind[]]> = [
  ['omission (single)', ['omission']],
  ['omission (runs of 2-3)', ['omission-run']],
  ['partial omission', ['partial-omission']],
  ['number, digits', ['number-digits']],
  ['number, words', ['number-words']],
  ['number, headline', ['number-headline']],
  ['name, found elsewhere', ['name-elsewhere']],
  ['name, new', ['name-new']],
  ['addition', ['addition']],
  ['annotation marker', ['annotation-marker']],
  ['marker footnote line', ['footnote']],
  ['negation removed', ['negation']],
]

interface Source {
  docs: Doc[]
  variants: number
}

function ntrex(tgtLang: string): Source {
  const dir = join(bench, 'ntrex-dev')
  const ids = lines(join(dir, 'docids.tsv'))
  const en = lines(join(dir, 'en.txt'))
  const tgt = lines(join(dir, `${tgtLang}.txt`))
  const docs: Doc[] = []
  for (let a = 0; a < ids.length; ) {
    let b = a
    while (b < ids.length && ids[b] === ids[a]) b++
    const src = en.slice(a, b)
    docs.push(makeDoc(`${ids[a]}`, 'en', tgtLang, src, tgt.slice(a, b), src.map((_, i) => [i, i]), true))
    a = b
  }
  return { docs, variants: Number(values.variants ?? 4) }
}

function textberg(): Source {
  const names = ['dev', 'test0', 'test1', 'test2', 'test3', 'test4', 'test5', 'test6']
  const docs = names.map((name) => {
    const dir = join(bench, 'textberg', name)
    const beads = parseBeads(readFileSync(join(dir, 'gold.defr'), 'utf8'))
    const pairs = beads.filter((b) => b.src.length === 1 && b.tgt.length === 1).map((b) => [b.src[0], b.tgt[0]] as [number, number])
    return makeDoc(`textberg/${name}`, 'de', 'fr', lines(join(dir, 'src.de')), lines(join(dir, 'tgt.fr')), pairs, true)
  })
  return { docs, variants: Number(values.variants ?? 2) }
}

/** Sentences and names of the other documents, for insertions and new names. */
function poolFor(docs: readonly Doc[], except: Doc): Pool {
  const tgtSentences: string[] = []
  const names = new Set<string>()
  for (const d of docs) {
    if (d === except) continue
    for (const l of d.tgt) tgtSentences.push(l.text)
    for (const [s, t] of d.pair) for (const n of namesIn(s.text, t.text, d.srcLang, d.tgtLang)) names.add(n.text)
  }
  return { tgtSentences, tgtNames: [...names] }
}

function cloneDoc(d: Doc): Doc {
  const src = d.src.map((l) => ({ ...l }))
  const tgt = d.tgt.map((l) => ({ ...l }))
  const s = new Map(d.src.map((l, i) => [l, src[i]]))
  const t = new Map(d.tgt.map((l, i) => [l, tgt[i]]))
  return {
    ...d,
    src,
    tgt,
    pair: new Map([...d.pair].map(([a, b]) => [s.get(a)!, t.get(b)!])),
    headlines: new Set([...d.headlines].map((l) => s.get(l) ?? t.get(l)!)),
  }
}

function run(m: Materialised): { score: DocScore; report: ReturnType<typeof compare> } {
  const report = compare(m.src.join('\n'), m.tgt.join('\n'), { presplit: true, srcLang: m.srcLang, tgtLang: m.tgtLang, minConfidence: values.misses ? 0 : threshold })
  const beads = align(m.src, m.tgt, { srcLang: m.srcLang, tgtLang: m.tgtLang })
  return { score: scoreDoc(report, m.cases, beads, threshold), report }
}

const pct = (a: number, n: number) => (n ? `${((100 * a) / n).toFixed(0)}%` : '—')
const per100 = (a: number, n: number) => (n ? ((100 * a) / n).toFixed(1) : '—')

for (const pair of values.pairs!.split(',')) {
  const t0 = performance.now()
  const source = pair === 'de-fr' ? textberg() : ntrex(pair.split('-')[1])
  const results: CaseResult[] = []
  let clean = { alarms: 0, baseline: 0, sentences: 0 }
  let changed = { alarms: 0, content: 0 }
  const kindsOfAlarms = new Map<string, number>()
  for (const doc of source.docs) {
    // Unchanged: false alarms.
    const plain = materialise(doc, [])
    const { score, report } = run(plain)
    clean = { alarms: clean.alarms + score.falseAlarms, baseline: clean.baseline + score.baselineFindings, sentences: clean.sentences + score.sentences }
    for (const b of report.beads)
      for (const f of b.findings as Array<{ kind: string; confidence?: number; side: string; sentence: number; message: string }>) {
        if ((f.confidence ?? 1) < threshold || !['omission', 'addition', 'partial-omission', 'partial-addition', 'annotation-marker', 'number-mismatch', 'name-mismatch', 'quote-change', 'meaning-change'].includes(f.kind)) continue
        kindsOfAlarms.set(f.kind, (kindsOfAlarms.get(f.kind) ?? 0) + 1)
        if (values.alarms) console.log(`  ALARM ${doc.id} ${f.kind} ${f.side} ${f.sentence} (${(f.confidence ?? 1).toFixed(2)}): ${f.message.slice(0, 200)}`)
      }
    // Changed, in several variants.
    for (let v = 0; v < source.variants; v++) {
      const copy = cloneDoc(doc)
      const rng = new Rng(seed * 1_000_003 + v * 7919 + hash(doc.id))
      const labels = inject(copy, rng, poolFor(source.docs, doc), KINDS)
      const m = materialise(copy, labels)
      const { score, report } = run(m)
      results.push(...score.cases)
      changed = { alarms: changed.alarms + score.falseAlarms, content: changed.content + score.contentFindings }
      if (values.misses) {
        score.cases.forEach((r, k) => {
          if (r.strict || !(values.misses === 'all' || r.kind === values.misses)) return
          const c = m.cases[k]
          const here = report.beads.filter((b) => (c.src !== undefined && b.src.includes(c.src)) || (c.tgt !== undefined && b.tgt.includes(c.tgt)))
          console.log(`MISS ${m.id} v${v} ${c.kind} src ${c.src} tgt ${c.tgt}`)
          if (c.src !== undefined) console.log(`  S: ${m.src[c.src]}`)
          if (c.tgt !== undefined) console.log(`  T: ${m.tgt[c.tgt]}`)
          else if (c.src !== undefined) console.log(`  T near: ${here.flatMap((b) => b.tgt).map((j) => m.tgt[j]).join(' ‖ ')}`)
          for (const b of here) console.log(`  bead [${b.src}]:[${b.tgt}] ${b.findings.map((f) => `${f.kind}@${f.side}${f.sentence}(${f.confidence?.toFixed(2)}) ${f.kind === 'name-mismatch' ? f.text + '/' + ((f as { counterpart?: { text: string } }).counterpart?.text ?? '') : ''}`).join(', ')}`)
        })
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000
  console.log(`\n## ${pair} — ${source.docs.length} documents × ${source.variants} variants, seed ${seed}${threshold ? `, confidence ≥ ${threshold}` : ''} (${seconds.toFixed(1)} s)\n`)
  console.log('| case | n | found (right kind) | any content finding there | baseline (1-0/0-1 beads) |')
  console.log('| --- | --- | --- | --- | --- |')
  for (const [label, kinds] of ROWS) {
    const rs = results.filter((r) => kinds.includes(r.kind as CaseKind))
    if (!rs.length) continue
    if (process.env.CONF) console.log(label, rs.map((r) => r.confidence?.toFixed(2) ?? '-').join(' '))
    console.log(`| ${label} | ${rs.length} | ${pct(rs.filter((r) => r.strict).length, rs.length)} | ${pct(rs.filter((r) => r.any).length, rs.length)} | ${pct(rs.filter((r) => r.baseline).length, rs.length)} |`)
  }
  console.log(`\nFalse alarms on the unchanged documents: ${per100(clean.alarms, clean.sentences)} content findings per 100 sentences (${clean.alarms} in ${clean.sentences}; ${[...kindsOfAlarms].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}); baseline ${per100(clean.baseline, clean.sentences)}.`)
  console.log(`On the changed documents: ${changed.content} content findings, ${pct(changed.content - changed.alarms, changed.content)} of them on a changed sentence.`)
}

function hash(s: string): number {
  let h = 2166136261
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619)
  return h >>> 0
}
