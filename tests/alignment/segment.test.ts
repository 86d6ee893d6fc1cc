import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { split as sentenceSplitterSplit } from 'sentence-splitter'
import { describe, expect, it } from 'vitest'
import { SPLITTER_BUDGET, segment, traceSegment } from '../../alignment/segment.ts'
import type { Sentence } from '../../alignment/types.ts'

const ROOT = new URL('../../', import.meta.url)
/** The seed pair one sentence per line, as the gold segments it (a copy of the bench's, see tests/fixtures/README.md). */
const GOLD = new URL('tests/fixtures/seeds-en-tr/', ROOT)
const SEEDS = {
  tr: 'seeds/000_195cf53558b12275.txt',
  en: 'seeds/001_ca6b3e2cd13aa704.txt',
  ar: 'seeds/002_fbd60fafe6e1c24f.txt',
  en3: 'seeds/003_bf909d56e6d888d1.txt',
  en4: 'seeds/004_bb8713d49bac3b23.txt',
} as const
const seed = (name: keyof typeof SEEDS): string => readFileSync(new URL(SEEDS[name], ROOT), 'utf8')
/** Lines of a `.sent` file: one sentence per line, a final newline ends the last one. */
const goldLines = (file: string): string[] => readFileSync(new URL(file, GOLD), 'utf8').replace(/\n$/, '').split('\n')

/** The sentence texts, the compact form most assertions compare. */
const texts = (text: string, lang?: string): string[] => segment(text, { lang }).map((s) => s.text)

/** Every sentence is exactly its slice of the original, trimmed, non-empty, in order, without overlap. */
function expectWellFormed(text: string, sentences: Sentence[]): void {
  let last = 0
  for (const s of sentences) {
    expect(s.text).toBe(text.slice(s.start, s.end))
    expect(s.text.length).toBeGreaterThan(0)
    expect(s.text.trim()).toBe(s.text)
    expect(s.start).toBeGreaterThanOrEqual(last)
    last = s.end
  }
  const paragraphs = sentences.map((s) => s.paragraph)
  expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b))
}

describe('segment: the seed pair against the gold segmentation', () => {
  it('English seed 001 gives exactly the 23 lines of en.sent', () => {
    expect(texts(seed('en'))).toEqual(goldLines('en.sent'))
  })

  it('Turkish seed 000 gives exactly the 20 lines of tr.sent', () => {
    expect(texts(seed('tr'))).toEqual(goldLines('tr.sent'))
  })

  it('the gold files themselves, segmented raw, come back line for line', () => {
    for (const file of ['en.sent', 'tr.sent']) {
      const raw = readFileSync(new URL(file, GOLD), 'utf8')
      expect(texts(raw)).toEqual(goldLines(file))
    }
  })

  it('English seed: headlines, sub-heading and boilerplate are headings, the rest are not', () => {
    const sentences = segment(seed('en'))
    expect(sentences).toHaveLength(23)
    expect(sentences.flatMap((s, i) => (s.heading ? [i] : []))).toEqual([0, 1, 11, 22])
    expect(sentences[13].text).toBe('"We note a sharp increase in tension on the Afghan-Tajik border.')
    expect(sentences[17].text).toMatch(/^Moscow and Dushanbe .* channels … If necessary, .* during a briefing\.$/)
    expect(sentences.map((s) => s.paragraph).slice(0, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 7, 8])
  })

  it('Turkish seed: 20 sentences, the editor credit is a heading', () => {
    const sentences = segment(seed('tr'))
    expect(sentences).toHaveLength(20)
    expect(sentences[19]).toMatchObject({ text: 'Editör: TE Bilisim', heading: true })
    expect(sentences[13].text).toBe('“CSTO müttefikimizin güney sınırına yakın artan gerilimler yalnızca endişe kaynağı olabilir.')
    expect(sentences[14].text).toMatch(/^Moskova ve Duşanbe, .* içindeler, "dedi\.$/)
  })
})

describe('segment: the other seeds', () => {
  it('Arabic seed 002: fragments broken by blank lines are joined, the headline stays alone', () => {
    const sentences = segment(seed('ar'))
    const shown = sentences.map((s) => `${s.heading ? 'H ' : ''}${s.text.replace(/\s*\n\s*/g, ' / ')}`)
    expect(shown).toHaveLength(17)
    expect(shown[0]).toBe('H بوتين يتعهد بتقديم الدعم لطاجيكستان في مواجهة طالبان')
    // a fragment ending in the Arabic comma goes on after the blank line
    expect(shown[2]).toMatch(/مع رئيس جمهورية طاجيكستان، \/ إمام علي رحمون، .* الجماعي\.$/)
    // a long fragment without punctuation goes on, over two blank lines
    expect(shown[14]).toMatch(/في معقلها السابق \/ في قندهار .* عليها \/ منذ أن بدأت .* دولية\.$/)
    // `في عام 2001.` ends a sentence
    expect(shown[13]).toMatch(/في عام 2001\.$/)
    // a quotation over two paragraphs: a sentence per stop, as in the English gold
    expect(shown.slice(6, 10)).toEqual([
      'وأضاف: “نؤكد السيطرة على جزء من الحدود مع طاجيكستان.',
      'لقد احتلنا حتى أكثر من 70٪ من الحدود مع طاجيكستان.',
      'وستكون لدينا علاقات جيدة مع بلدنا الصديق طاجيكستان.',
      'سيتم إرساء القوات على الحدود”.',
    ])
    // the stray letter after the stop (`للسيطرة.ت`) does not make the next paragraph part of it
    expect(shown[5]).toMatch(/للسيطرة\.ت$/)
    expect(shown[16]).toBe('التعليقات مغلقة.')
    // a sentence spanning paragraphs carries the index of the paragraph it starts in
    expect(sentences[3].paragraph).toBe(4)
    expect(sentences[4].paragraph).toBe(6)
  })

  it('English seed 003: page furniture is headings, `May 1. .` and `far. increase”.` stay one sentence', () => {
    const sentences = segment(seed('en3'))
    expect(sentences.filter((s) => s.heading).map((s) => s.text)).toEqual([
      'world news',
      'Taliban occupy major border crossing point in Tajikistan in Afghanistan | Taliban News',
      'Taliban confirmed',
      'Related Articles',
      'Leave a Reply',
      'Back to top button',
    ])
    const all = sentences.map((s) => s.text)
    expect(all).toHaveLength(25)
    expect(all.find((t) => t.includes('May 1.'))).toMatch(/on May 1\. \.$/)
    expect(all.find((t) => t.includes('near and far'))).toMatch(/“means .* near and far\. increase”\.$/)
    expect(all.find((t) => t.includes('checkpoints…'))).toMatch(/^At the same time, .*checkpoints… some of .*Tajikistan\.$/)
    expect(all.slice(-3)).toEqual(['Your email address will not be published.', 'Required fields are marked *', 'Back to top button'])
  })

  it('English seed 004: a heading and a date on consecutive lines are two headings', () => {
    const sentences = segment(seed('en4'))
    expect(sentences.slice(0, 4).map((s) => [s.text, s.heading])).toEqual([
      ['Friday, April 19, 2024', true],
      ['Taliban capture Afghan border crossings with five countries', true],
      ['Taliban capture Afghan border crossings with five countries', true],
      ['July 9, 2021', true],
    ])
    expect(sentences).toHaveLength(18)
    expect(sentences[10]).toMatchObject({ text: "WON'T VIOLATE OTHER COUNTRIES' BORDERS, TALIBAN REASSURES MOSCOW", heading: true })
    expect(sentences[16].text).toMatch(/"within the framework of Islamic norms and Afghan traditions\."$/)
  })

  it('every seed: offsets give back the text, sentences are trimmed, non-empty, in order', () => {
    for (const name of Object.keys(SEEDS) as Array<keyof typeof SEEDS>) {
      const text = seed(name)
      expectWellFormed(text, segment(text))
    }
  })
})

describe('segment: English', () => {
  it('headings and paragraphs do not run into the next sentence', () => {
    const sentences = segment('Breaking News\n\nThe Taliban seized a crossing. Officials fled.')
    expect(sentences.map((s) => [s.text, s.heading ?? false, s.paragraph])).toEqual([
      ['Breaking News', true, 0],
      ['The Taliban seized a crossing.', false, 1],
      ['Officials fled.', false, 1],
    ])
  })

  it('a headline, a byline and a dateline on single lines', () => {
    expect(texts('Taliban Seize Border Crossing\nBy Jane Doe\nKABUL (Reuters) – Fighters seized it. Officials fled.')).toEqual([
      'Taliban Seize Border Crossing',
      'By Jane Doe',
      'KABUL (Reuters) – Fighters seized it.',
      'Officials fled.',
    ])
  })

  it('a soft-wrapped paragraph is not broken at its line breaks', () => {
    expect(texts('The Taliban controls two-thirds of the border with\nTajikistan, the ministry said. It\nadded nothing.')).toEqual([
      'The Taliban controls two-thirds of the border with\nTajikistan, the ministry said.',
      'It\nadded nothing.',
    ])
  })

  it('an unbalanced " does not swallow the rest of the text', () => {
    expect(texts('He said "hello. Then he left. Nobody followed.')).toEqual(['He said "hello.', 'Then he left.', 'Nobody followed.'])
  })

  it('a quotation of several sentences is a sentence per stop; “…” quotes are cut only at stops', () => {
    expect(texts('“We note a rise. The group moved,” she said. Then she left.')).toEqual([
      '“We note a rise.',
      'The group moved,” she said.',
      'Then she left.',
    ])
    expect(texts('He called it “a plan. Or a dream” and left.')).toEqual(['He called it “a plan.', 'Or a dream” and left.'])
  })

  it('mixed quote marks (“…") close the quotation', () => {
    expect(texts('“It will end soon," he said. Nobody believed him.')).toEqual(['“It will end soon," he said.', 'Nobody believed him.'])
  })

  it('an ellipsis inside a quotation goes on; outside, before a capital, it ends', () => {
    expect(texts('"We talked … If needed, we act," he said. Then silence.')).toEqual([
      '"We talked … If needed, we act," he said.',
      'Then silence.',
    ])
    expect(texts('“We waited... Then we acted.” He smiled.')).toEqual(['“We waited... Then we acted.”', 'He smiled.'])
    expect(texts('He waited… Nothing happened. He waited... and then left.')).toEqual([
      'He waited…',
      'Nothing happened.',
      'He waited... and then left.',
    ])
  })

  it('a stop inside closing quotes ends after them; `?"` before a verb of saying goes on', () => {
    expect(texts('"Stop!" The crowd froze. "Why?" Mary asked. "Because," he said.')).toEqual([
      '"Stop!"',
      'The crowd froze.',
      '"Why?" Mary asked.',
      '"Because," he said.',
    ])
    expect(texts('(See the annex.) The rest follows.')).toEqual(['(See the annex.)', 'The rest follows.'])
  })

  it('abbreviations: U.S., Dr., vs., etc., Prof., initials', () => {
    expect(texts('Dr. Smith met Prof. Jones and Mr. Lee. They talked.')).toEqual(['Dr. Smith met Prof. Jones and Mr. Lee.', 'They talked.'])
    expect(texts('U.S. President Joe Biden spoke. He moved to the U.S. The move was hard.')).toEqual([
      'U.S. President Joe Biden spoke.',
      'He moved to the U.S.',
      'The move was hard.',
    ])
    expect(texts('Apples, pears, etc. are fruit. We sell apples, pears etc. Bananas are extra.')).toEqual([
      'Apples, pears, etc. are fruit.',
      'We sell apples, pears etc.',
      'Bananas are extra.',
    ])
    expect(texts('It was Smith vs. Jones in round No. 5. Jones won.')).toEqual(['It was Smith vs. Jones in round No. 5.', 'Jones won.'])
    expect(texts('George W. Bush met J. K. Rowling. They talked. You and I. Did you see?')).toEqual([
      'George W. Bush met J. K. Rowling.',
      'They talked.',
      'You and I.',
      'Did you see?',
    ])
    expect(texts('Meet at 5 p.m. on Monday, e.g. at the office. Bring it.')).toEqual(['Meet at 5 p.m. on Monday, e.g. at the office.', 'Bring it.'])
  })

  it('`in 2001.` ends a sentence; decimals, versions and domains do not', () => {
    expect(texts('It was founded in 2001. The company grew 3.5 percent. See example.com for v2.1 notes.')).toEqual([
      'It was founded in 2001.',
      'The company grew 3.5 percent.',
      'See example.com for v2.1 notes.',
    ])
    expect(texts('Prices rose in March. 30 people protested in June. 20 more came.')).toEqual([
      'Prices rose in March.',
      '30 people protested in June.',
      '20 more came.',
    ])
  })

  it('lowercase after a stop goes on; list items are sentences of their own', () => {
    expect(texts('It costs 5 dollars. and more.')).toEqual(['It costs 5 dollars. and more.'])
    expect(texts('Steps:\n- open the box\n- take it out\n1. First item\n2. Second item')).toEqual([
      'Steps:',
      '- open the box',
      '- take it out',
      '1. First item',
      '2. Second item',
    ])
  })

  it('\r\n and \r line breaks; a lone dash between paragraphs is no sentence start', () => {
    expect(texts('Title Line\r\n\r\nFirst one. Second one.\r\n\r\n—\r\n\r\nThird one.\rFourth Heading\r')).toEqual([
      'Title Line',
      'First one.',
      'Second one.',
      '—',
      'Third one.',
      'Fourth Heading',
    ])
  })

  it('a paragraph ending in a comma or a function word goes on in the next', () => {
    expect(texts('The ministry said,\n\nthe border is closed.')).toEqual(['The ministry said,\n\nthe border is closed.'])
    expect(texts('Fighting continued between the army and the\n\nTaliban forces near Kunduz.')).toEqual([
      'Fighting continued between the army and the\n\nTaliban forces near Kunduz.',
    ])
  })
})

describe('segment: Turkish', () => {
  it('titles Prof., Doç., Dr. do not end a sentence', () => {
    expect(texts('Prof. Dr. Ahmet Yılmaz ve Doç. Dr. Ayşe Kaya konuştu. Toplantı uzun sürdü.', 'tr')).toEqual([
      'Prof. Dr. Ahmet Yılmaz ve Doç. Dr. Ayşe Kaya konuştu.',
      'Toplantı uzun sürdü.',
    ])
  })

  it('vb. and vs. before lower case go on; vs. (vesaire) before a sentence opener ends', () => {
    expect(texts('Elma, armut vb. meyveler satıldı. Fiyatlar arttı.', 'tr')).toEqual(['Elma, armut vb. meyveler satıldı.', 'Fiyatlar arttı.'])
    expect(texts('Bakanlar, vekiller vs. katıldı. Elma, armut vs. Bunlar ucuzdu.', 'tr')).toEqual([
      'Bakanlar, vekiller vs. katıldı.',
      'Elma, armut vs.',
      'Bunlar ucuzdu.',
    ])
  })

  it('ordinals: `3. Ordu` and `21. Yüzyıl` go on, `1923. Bu` ends', () => {
    expect(texts('Çatışma 3. Ordu bölgesinde yaşandı. Ardından ateşkes ilan edildi.', 'tr')).toEqual([
      'Çatışma 3. Ordu bölgesinde yaşandı.',
      'Ardından ateşkes ilan edildi.',
    ])
    expect(texts('Bu eser 21. Yüzyıl edebiyatının örneğidir. Kuruluş yılı 1923. Bu tarih önemlidir.', 'tr')).toEqual([
      'Bu eser 21. Yüzyıl edebiyatının örneğidir.',
      'Kuruluş yılı 1923.',
      'Bu tarih önemlidir.',
    ])
    // the ordinal rule is Turkish (and German...), not English: `in 3. The` ends
    expect(texts('He came in 3. The others later.', 'en')).toEqual(['He came in 3.', 'The others later.'])
  })

  it('a sentence may start with İ; a no-break space after the stop still separates', () => {
    expect(texts("Ankara'ya gitti. İstanbul'a döndü.\u00a0 Özbekistan reddetti.", 'tr')).toEqual([
      "Ankara'ya gitti.",
      "İstanbul'a döndü.",
      'Özbekistan reddetti.',
    ])
  })

  it('a quotation opened with “ and closed with " spans two sentences', () => {
    expect(texts('“Gerilim endişe kaynağı olabilir. Moskova ve Duşanbe temas halinde, "dedi. Sonra ayrıldı.', 'tr')).toEqual([
      '“Gerilim endişe kaynağı olabilir.',
      'Moskova ve Duşanbe temas halinde, "dedi.',
      'Sonra ayrıldı.',
    ])
  })

  it('the language is detected when not given', () => {
    expect(texts('Çatışma 3. Ordu bölgesinde yaşandı ve çok kişi için zor oldu. Ardından ateşkes ilan edildi.')).toHaveLength(2)
  })
})

describe('segment: Arabic', () => {
  it('؟ ! and . end a sentence, the Arabic comma does not', () => {
    expect(texts('هل ستأتي غدا؟ نعم، سآتي مع أخي! وأضاف أن الحدود آمنة. ثم غادر.', 'ar')).toEqual([
      'هل ستأتي غدا؟',
      'نعم، سآتي مع أخي!',
      'وأضاف أن الحدود آمنة.',
      'ثم غادر.',
    ])
  })

  it('a fragment ending in ، goes on across a blank line', () => {
    expect(texts('أجرى الرئيس محادثة هاتفية مع رئيس طاجيكستان،\n\nإمام علي رحمون، أكد خلالها الدعم.', 'ar')).toEqual([
      'أجرى الرئيس محادثة هاتفية مع رئيس طاجيكستان،\n\nإمام علي رحمون، أكد خلالها الدعم.',
    ])
  })

  it('a headline stays alone; a long fragment without punctuation goes on', () => {
    const sentences = segment(
      'بوتين يتعهد بتقديم الدعم لطاجيكستان\n\nوذكرت تقارير أن قنصليات تركيا وباكستان وإيران أوقفت العمل مؤقتًا في مزار الشريف\n\nبسبب مخاوف أمنية.',
      { lang: 'ar' },
    )
    expect(sentences.map((s) => [s.text.replace(/\n\n/g, ' / '), s.heading ?? false])).toEqual([
      ['بوتين يتعهد بتقديم الدعم لطاجيكستان', true],
      ['وذكرت تقارير أن قنصليات تركيا وباكستان وإيران أوقفت العمل مؤقتًا في مزار الشريف / بسبب مخاوف أمنية.', false],
    ])
  })

  it('`في عام 2001.` ends; `د.` (Dr.) before a name does not', () => {
    expect(texts('أطاح بها الغزو في عام 2001. التقى د. محمد علي بالوزير. ثم غادر.', 'ar')).toEqual([
      'أطاح بها الغزو في عام 2001.',
      'التقى د. محمد علي بالوزير.',
      'ثم غادر.',
    ])
  })

  it('a stop inside closing quotes, Urdu and Persian stops', () => {
    expect(texts('قالت السفارة إنها مغلقة “لحين توضيح الموقف”. وقال مسؤول آخر.', 'ar')).toEqual([
      'قالت السفارة إنها مغلقة “لحين توضيح الموقف”.',
      'وقال مسؤول آخر.',
    ])
    expect(texts('یہ ایک جملہ ہے۔ یہ دوسرا ہے۔', 'ur')).toEqual(['یہ ایک جملہ ہے۔', 'یہ دوسرا ہے۔'])
  })
})

describe('segment: other scripts', () => {
  it('Chinese and Japanese stops need no space; a quotation before 他说 goes on', () => {
    expect(texts('今天天气很好。我们去公园吧！你去吗？')).toEqual(['今天天气很好。', '我们去公园吧！', '你去吗？'])
    expect(texts('“你好。”他说。“再见。”“明天见。”')).toEqual(['“你好。”他说。', '“再见。”', '“明天见。”'])
  })

  it('German and French: two-part abbreviations, initials, references, streets, units, enumerators', () => {
    expect(texts('Der Sturz (z. B. gegen eine Wand) war schwer. Photo G. O. Dyhrenfurth zeigt es.', 'de')).toEqual([
      'Der Sturz (z. B. gegen eine Wand) war schwer.',
      'Photo G. O. Dyhrenfurth zeigt es.',
    ])
    expect(texts('Tracée par M. Lüthy, H. Haidegger et H. Steuri. Elle est belle.', 'fr')).toEqual([
      'Tracée par M. Lüthy, H. Haidegger et H. Steuri.',
      'Elle est belle.',
    ])
    expect(texts('Siehe die Schilderung (vgl. S. 31) oben. Er wohnt an der Thorackerstr. 3 in Muri.', 'de')).toEqual([
      'Siehe die Schilderung (vgl. S. 31) oben.',
      'Er wohnt an der Thorackerstr. 3 in Muri.',
    ])
    expect(texts('Die Höhe ist 8848 m. Das ist die Zahl. 3. Auf der Ostseite liegt der Gipfel.', 'de')).toEqual([
      'Die Höhe ist 8848 m.',
      'Das ist die Zahl.',
      '3. Auf der Ostseite liegt der Gipfel.',
    ])
  })

  it('Russian and German', () => {
    expect(texts('Он приехал в Москву. Она осталась дома.')).toEqual(['Он приехал в Москву.', 'Она осталась дома.'])
    expect(texts('Am 3. Oktober wurde gefeiert. Die Stadt war voll, z.B. der Markt.', 'de')).toEqual([
      'Am 3. Oktober wurde gefeiert.',
      'Die Stadt war voll, z.B. der Markt.',
    ])
  })
})

describe('segment: pre-split mode', () => {
  const presplit = (text: string): string[] => segment(text, { presplit: true }).map((s) => s.text)

  it('one sentence per line exactly as given, blank lines kept as empty sentences', () => {
    expect(presplit('Dr. Smith left. He came back.\n\nSecond line\n')).toEqual(['Dr. Smith left. He came back.', '', 'Second line'])
  })

  it('\\r\\n, \\r and a final newline; no text gives no sentences', () => {
    expect(presplit('a\r\nb\r\n')).toEqual(['a', 'b'])
    expect(presplit('a\rb')).toEqual(['a', 'b'])
    expect(presplit('a\n\n')).toEqual(['a', ''])
    expect(presplit('\n')).toEqual([''])
    expect(presplit('')).toEqual([])
  })

  it('offsets point into the original text, trimmed; paragraphs count blocks between blank lines', () => {
    const text = '  first line  \r\n\r\nsecond\nthird.'
    const sentences = segment(text, { presplit: true })
    expect(sentences.map((s) => [s.text, s.start, s.end, s.paragraph, s.heading ?? false])).toEqual([
      ['first line', 2, 12, 0, true],
      ['', 16, 16, 0, false],
      ['second', 18, 24, 1, true],
      ['third.', 25, 31, 1, false],
    ])
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text)
  })

  it('the gold files give their lines back', () => {
    for (const file of ['en.sent', 'tr.sent']) {
      const raw = readFileSync(new URL(file, GOLD), 'utf8')
      expect(presplit(raw)).toEqual(goldLines(file))
    }
  })
})

describe('segment: agreement with sentence-splitter on plain prose', () => {
  it('where the package is right (plain sentences), the segmenter agrees with it', () => {
    const word = fc.constantFrom('the', 'border', 'crossing', 'was', 'closed', 'by', 'fighters', 'on', 'monday', 'and', 'officials', 'fled')
    const sentence = fc
      .tuple(fc.constantFrom('The', 'Officials', 'Fighters', 'Russia', 'It'), fc.array(word, { minLength: 1, maxLength: 12 }), fc.constantFrom('.', '!', '?'))
      .map(([first, rest, stop]) => `${first} ${rest.join(' ')}${stop}`)
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), (sentences) => {
        const text = sentences.join(' ')
        const theirs = sentenceSplitterSplit(text)
          .filter((n) => n.type === 'Sentence')
          .map((n) => n.raw)
        expect(texts(text, 'en')).toEqual(theirs)
      }),
      { numRuns: 200 },
    )
  })
})

describe('segment: sentence-splitter as the first pass, the rules as corrections', () => {
  /** Each correction as `kind rule` and the word it follows: `split number 2001.`. */
  const corrections = (text: string, lang?: string): string[] =>
    traceSegment(text, { lang }).corrections.map((c) => `${c.kind} ${c.rule} ${text.slice(0, c.at).split(/\s+/).pop()}`)

  it('its line breaks are spaces: a heading, byline or list item inside a paragraph is split off', () => {
    expect(corrections('Taliban Seize Border Crossing\nBy Jane Doe\nKABUL (Reuters) – Fighters seized it. Officials fled.')).toEqual([
      'split heading Crossing',
      'split heading Doe',
    ])
    expect(corrections('Steps:\n- open the box\n- take it out')).toEqual(['split list-item Steps:', 'split list-item box'])
  })

  it('it never splits inside "…": an unbalanced quote runs on to the end of the paragraph, no further', () => {
    const text = 'He said "hello. Then he left.\n\nNobody followed. The end.'
    const trace = traceSegment(text)
    expect(trace.corrections.map((c) => `${c.kind} ${c.rule} ${text.slice(0, c.at).split(/\s+/).pop()}`)).toEqual(['split period "hello.'])
    expect(trace.sentences.map((s) => s.text)).toEqual(['He said "hello.', 'Then he left.', 'Nobody followed.', 'The end.'])
  })

  it('“…” are no quotes to it, and it wants a space right after the stop', () => {
    expect(corrections('“We waited... Then we acted.” He smiled.')).toEqual([
      'merge ellipsis-in-quote waited...',
      'split closing-mark acted.”',
    ])
    expect(corrections('"Stop!" The crowd froze. What?No way.')).toEqual(['split question "Stop!"', 'merge no-space What?'])
  })

  it('a number with a period is a list index to it: `in 2001.` is split; the Turkish ordinal agrees', () => {
    expect(corrections('It was founded in 2001. The company grew.')).toEqual(['split number 2001.'])
    expect(corrections('Bu eser 21. Yüzyıl edebiyatının örneğidir. Kuruluş yılı 1923. Bu tarih önemlidir.', 'tr')).toEqual([
      'split number 1923.',
    ])
  })

  it('stops it does not know: ؟ … ۔', () => {
    expect(corrections('هل ستأتي غدا؟ نعم، سآتي مع أخي! وأضاف أن الحدود آمنة.', 'ar')).toEqual(['split question غدا؟'])
    expect(corrections('He waited… Nothing happened.')).toEqual(['split ellipsis waited…'])
    expect(corrections('یہ ایک جملہ ہے۔ یہ دوسرا ہے۔', 'ur')).toEqual(['split other-stop ہے۔'])
  })

  it('abbreviations beyond its English lists, lower case after a stop, initials after a small word', () => {
    expect(corrections('Prof. Dr. Ahmet Yılmaz ve Doç. Dr. Ayşe Kaya konuştu. Toplantı uzun sürdü.', 'tr')).toEqual(['merge prepositive Doç.'])
    expect(corrections('Elma, armut vb. meyveler satıldı. Fiyatlar arttı.', 'tr')).toEqual(['merge lower-case vb.'])
    expect(corrections('It costs 5 dollars. and more.')).toEqual(['merge lower-case dollars.'])
    expect(corrections('George W. Bush met J. K. Rowling. They talked.')).toEqual(['merge initials J.'])
  })

  it('where it is right, nothing is corrected: Dr., U.S., quoted questions, plain prose', () => {
    expect(corrections('Dr. Smith met Mr. Lee. U.S. President Joe Biden spoke. He moved to the U.S. The move was hard.')).toEqual([])
    expect(corrections('"Why?" Mary asked. Nobody answered.')).toEqual([])
  })

  it('the seeds: what it proposed, and where the rules overrule it', () => {
    const seen = (name: keyof typeof SEEDS): [number, number, string[]] => {
      const t = traceSegment(seed(name))
      return [t.proposed, t.sentences.length, t.corrections.map((c) => `${c.kind} ${c.rule}`)]
    }
    // the English and Turkish quotations of several sentences, split at each stop as in the gold
    expect(seen('en')).toEqual([21, 23, ['split period', 'split period']])
    expect(seen('tr')).toEqual([19, 20, ['split period']])
    // the Arabic paragraphs broken inside a sentence
    expect(seen('ar')).toEqual([26, 17, Array(9).fill('merge paragraph-join')])
    expect(seen('en4')).toEqual([17, 18, ['split heading']])
  })

  it('the trace adds up: its boundaries, less the merges, plus the splits, are the sentences', () => {
    for (const name of Object.keys(SEEDS) as Array<keyof typeof SEEDS>) {
      const t = traceSegment(seed(name))
      const merges = t.corrections.filter((c) => c.kind === 'merge').length
      expect(t.proposed - merges + (t.corrections.length - merges)).toBe(t.sentences.length)
      expect(t.splitterEnd).toBeGreaterThan(0)
    }
  })

  it('the rules review every stop: the sentences are the same whatever it read', () => {
    for (const name of Object.keys(SEEDS) as Array<keyof typeof SEEDS>) {
      const text = seed(name)
      expect(traceSegment(text, { splitterBudget: 0 }).sentences).toEqual(segment(text))
    }
    const alphabet = fc.constantFrom(...'aZ .?!…"“”\'«»()[],،؟3.\n\n–-İ'.split(''))
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 120 }), (chars) => {
        const text = chars.join('')
        const none = traceSegment(text, { splitterBudget: 0 })
        expect(none.proposed).toBe(0)
        expect(traceSegment(text, { splitterBudget: Infinity }).sentences).toEqual(none.sentences)
      }),
      { numRuns: 300 },
    )
  })

  it('it reads at most its budget (and one piece) per call; pre-split text does not go through it', () => {
    const text = 'The border is closed. Officials fled.\n\n'.repeat(10_000)
    const trace = traceSegment(text)
    expect(trace.splitterChars).toBeGreaterThanOrEqual(SPLITTER_BUDGET)
    expect(trace.splitterChars).toBeLessThan(SPLITTER_BUDGET + 4_000)
    expect(trace.splitterEnd).toBeLessThan(text.length / 2)
    expect(trace.sentences).toHaveLength(20_000)
    expect(traceSegment('a\nb', { presplit: true })).toMatchObject({ proposed: 0, corrections: [] })
  })
})

describe('segment: hostile input', () => {
  const timed = (text: string, options?: { presplit?: boolean }): { sentences: Sentence[]; ms: number } => {
    const t0 = performance.now()
    const sentences = segment(text, options)
    return { sentences, ms: performance.now() - t0 }
  }

  it('binary, control characters, lone surrogates, bidi controls, zero-width characters, emoji', () => {
    const inputs = [
      '\u0000\u0001\u0002\uFFFD\uFFFF binary\u0000. Data\u0007.',
      '\uD800 lone surrogate. \uDC00 Another. \uDBFF',
      '\u202Bنص عربي.\u202C Next sentence.\u2067 isolated\u2069. End.',
      '\u200B\u200B\u200B\n\n\uFEFF\u200E\u200F',
      'Emoji 👍🏽. 🇹🇷 Flag. 👨‍👩‍👧 family! Last?',
      '....... !!!!! ????? …… 。。。',
      '"""" “““ ””” « » „',
      '\r\r\r\n\n\u2028\u2029\u0085 text \u2029 more.',
    ]
    for (const text of inputs) {
      const sentences = segment(text)
      expectWellFormed(text, sentences)
    }
    expect(texts('\u200B\u200B\n\n\uFEFF\u200E')).toEqual([])
    expect(texts('')).toEqual([])
    expect(texts('Emoji 👍🏽. 🇹🇷 Flag.')).toEqual(['Emoji 👍🏽.', '🇹🇷 Flag.'])
    // invisible characters at the edges are trimmed off like white space
    expect(texts('\u202Bنص عربي.\u202C وقال آخر.')).toEqual(['نص عربي.', 'وقال آخر.'])
  })

  it('not a string: a clear error', () => {
    expect(() => segment(42 as unknown as string)).toThrow(/must be a string/)
  })

  it('random strings never throw and always give well-formed sentences', () => {
    const alphabet = fc.constantFrom(...'aZ .?!…"“”\'«»(),،؟؛\n\n\r\t\u00a0\u200b\u202eİıشب3.–-*'.split(''))
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 200 }), fc.boolean(), (chars, presplit) => {
        const text = chars.join('')
        const sentences = segment(text, { presplit })
        if (presplit) for (const s of sentences) expect(s.text).toBe(text.slice(s.start, s.end))
        else expectWellFormed(text, sentences)
      }),
      { numRuns: 500 },
    )
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expectWellFormed(text, segment(text))
      }),
      { numRuns: 300 },
    )
  })

  it('5 MB without a full stop, a 100k-character word, 5 MB of stops: linear, no hang', () => {
    const noStop = 'word '.repeat(1_000_000)
    const a = timed(noStop)
    expect(a.sentences).toHaveLength(1)
    const longWord = `${'x'.repeat(100_000)}. ${'Y'.repeat(100_000)}.`
    expect(timed(longWord).sentences).toHaveLength(2)
    const stops = timed('a. '.repeat(1_000_000))
    expect(stops.sentences).toHaveLength(1)
    const lines = timed('Word Word\n'.repeat(200_000))
    expect(lines.sentences).toHaveLength(200_000)
    const arabicNoStop = timed('كلمة '.repeat(200_000).replace(/(?:كلمة ){20}/g, '$&\n\n'))
    expect(arabicNoStop.sentences).toHaveLength(1)
    const quotes = timed('"'.repeat(1_000_000))
    expect(quotes.sentences).toHaveLength(1)
    for (const r of [a, stops, lines, arabicNoStop, quotes]) expect(r.ms).toBeLessThan(5_000)
  })

  it('50,000 sentences come out as they should (their speed is measured by npm run bench)', () => {
    const para = seed('en').split(/\n\s*\n/).slice(2, 12).join('\n\n')
    const per = segment(para).length
    const copies = Math.ceil(50_000 / per)
    const text = Array.from({ length: copies }, () => para).join('\n\n')
    const sentences = segment(text, { lang: 'en' })
    expect(sentences.length).toBe(per * copies)
    expect(sentences.length).toBeGreaterThanOrEqual(50_000)
    expect(segment(text, { presplit: true }).length).toBeGreaterThan(50_000)
  })
})
