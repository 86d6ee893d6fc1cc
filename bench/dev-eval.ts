/**
 * Scores the aligner on one set with optional tuning overrides: the quick loop while tuning.
 * Usage: node --import tsx bench/dev-eval.ts [--bench DIR] [--set SET] [--seed N] [--json '{"cost":{...}}']
 *
 * SET: dev, test, a Text+Berg folder (test3), dev-drops or test-drops (7% of the target sentences
 * dropped in runs), ntrex-tr or ntrex-ar (NTREX reports with injected edits), seed (the seed pair), bible (en–zh).
 * Several sets, comma-separated, print one line each. `--seed` changes the edits of the built sets
 * (tune with another seed than the README's, 1). `--dict N`: NTREX documents aligned with a
 * dictionary learned from N other documents.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { align, ALIGN_DEFAULTS } from '../alignment/align.ts'
import { parseBeads } from '../alignment/bead-format.ts'
import { countAlignment, addCounts, scoreCounts, ZERO_COUNTS } from '../alignment/evaluate.ts'
import { ntrexWithDictionary, textberg, textbergDropped, TEXTBERG_TEST, type GoldDoc } from './align-sets.ts'

const { values } = parseArgs({
  options: {
    bench: { type: 'string', default: '../shared/bench' },
    set: { type: 'string', default: 'dev' },
    seed: { type: 'string', default: '1' },
    dict: { type: 'string', default: '0' },
    json: { type: 'string' },
  },
})
const override = values.json ? JSON.parse(values.json) : {}
const tuning = {
  ...ALIGN_DEFAULTS,
  ...override,
  cost: { ...ALIGN_DEFAULTS.cost, ...(override.cost ?? {}), prior: { ...ALIGN_DEFAULTS.cost.prior, ...(override.cost?.prior ?? {}) } },
  lexicon: override.lexicon === false ? false : { ...ALIGN_DEFAULTS.lexicon, ...(override.lexicon ?? {}) },
}
const bench = values.bench!
const seed = Number(values.seed)
const lines = (p: string) => readFileSync(p, 'utf8').replace(/\n$/, '').split('\n')

function docsOf(set: string): GoldDoc[] {
  if (set === 'dev' || /^test\d$/.test(set)) return [textberg(bench, set)]
  if (set === 'test') return TEXTBERG_TEST.map((name) => textberg(bench, name))
  if (set === 'dev-drops') return textbergDropped(bench, ['dev'], 0.07, seed)
  if (set === 'test-drops') return textbergDropped(bench, TEXTBERG_TEST, 0.07, seed)
  if (set === 'ntrex-tr') return ntrexWithDictionary(bench, 'tr', seed, Number(values.dict))
  if (set === 'ntrex-ar') return ntrexWithDictionary(bench, 'ar', seed, Number(values.dict))
  if (set === 'seed') {
    const dir = join(bench, 'seeds-en-tr')
    return [{ name: 'seed', src: lines(join(dir, 'en.sent')), tgt: lines(join(dir, 'tr.sent')), gold: parseBeads(readFileSync(join(dir, 'gold.txt'), 'utf8')), srcLang: 'en', tgtLang: 'tr' }]
  }
  if (set === 'bible') {
    const dir = join(bench, 'bible-zhen-bertalign')
    return [{ name: 'bible', src: lines(join(dir, 'en.txt')), tgt: lines(join(dir, 'zh.txt')), gold: parseBeads(readFileSync(join(dir, 'gold.align'), 'utf8')), srcLang: 'en', tgtLang: 'zh' }]
  }
  throw new Error(`unknown set ${set}`)
}

for (const set of values.set!.split(',')) {
  let counts = ZERO_COUNTS
  const t0 = performance.now()
  for (const d of docsOf(set)) {
    const beads = align(d.src, d.tgt, { srcLang: d.srcLang, tgtLang: d.tgtLang, dictionary: d.dictionary }, tuning)
    counts = addCounts(counts, countAlignment(d.gold, beads))
  }
  const s = scoreCounts(counts)
  const ms = performance.now() - t0
  console.log(
    `${set.padEnd(10)} strict P ${s.precisionStrict.toFixed(3)} R ${s.recallStrict.toFixed(3)} F1 ${s.f1Strict.toFixed(3)}  lax F1 ${s.f1Lax.toFixed(3)}  ${ms.toFixed(0)} ms`,
  )
}
