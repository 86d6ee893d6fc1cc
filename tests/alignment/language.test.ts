import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectLanguage, isRtl, isValidLanguageTag, ISO_639_1 } from '../../alignment/language.ts'

const ROOT = new URL('../../', import.meta.url)
const seed = (file: string): string => readFileSync(new URL(`seeds/${file}`, ROOT), 'utf8')

/** One or two sentences per language, news style. */
const SAMPLES: Record<string, string> = {
  en: 'The Taliban controls two-thirds of the Afghan-Tajik border, the Russian foreign ministry said in a statement.',
  tr: 'Rusya Dışişleri Bakanlığı, Taliban\'ın Afgan-Tacik sınırının üçte ikisini kontrol ettiğini söyledi.',
  ar: 'أكد الرئيس الروسي فلاديمير بوتين استعداد بلاده تقديم الدعم لطاجيكستان في مواجهة تصعيد طالبان على الحدود.',
  de: 'Die Taliban kontrollieren nach Angaben des russischen Außenministeriums zwei Drittel der Grenze zu Tadschikistan.',
  fr: "Les talibans contrôlent les deux tiers de la frontière avec le Tadjikistan, selon le ministère russe des Affaires étrangères.",
  zh: '俄罗斯外交部表示，塔利班控制了阿富汗与塔吉克斯坦边境的三分之二。',
  ru: 'Талибы контролируют две трети афгано-таджикской границы, заявили в МИД России.',
  es: 'Los talibanes controlan dos tercios de la frontera con Tayikistán, según el Ministerio de Asuntos Exteriores ruso.',
  fa: 'وزارت امور خارجه روسیه گفت که طالبان دو سوم مرز افغانستان و تاجیکستان را کنترل می‌کند.',
  he: 'הטאליבן שולט בשני שלישים מהגבול בין אפגניסטן לטג׳יקיסטן, כך מסר משרד החוץ הרוסי.',
  ja: 'タリバンはアフガニスタンとタジキスタンの国境の3分の2を支配していると、ロシア外務省が発表した。',
  ko: '러시아 외무부는 탈레반이 아프간-타지키스탄 국경의 3분의 2를 장악하고 있다고 밝혔다.',
  uk: 'Таліби контролюють дві третини кордону з Таджикистаном, заявили у МЗС Росії. Це її позиція.',
  el: 'Οι Ταλιμπάν ελέγχουν τα δύο τρίτα των συνόρων με το Τατζικιστάν, δήλωσε το ρωσικό υπουργείο Εξωτερικών.',
  pt: 'Os talibãs controlam dois terços da fronteira com o Tajiquistão, segundo o Ministério das Relações Exteriores da Rússia.',
  it: 'I talebani controllano due terzi del confine con il Tagikistan, secondo il ministero degli Esteri russo, che ha anche chiesto calma.',
  nl: 'De Taliban controleren twee derde van de grens met Tadzjikistan, zegt het Russische ministerie van Buitenlandse Zaken.',
  pl: 'Talibowie kontrolują dwie trzecie granicy z Tadżykistanem, poinformowało rosyjskie ministerstwo spraw zagranicznych.',
  ur: 'روسی وزارت خارجہ نے کہا ہے کہ طالبان افغان تاجک سرحد کے دو تہائی حصے پر قابض ہیں۔',
  hi: 'रूसी विदेश मंत्रालय ने कहा कि तालिबान अफगान-ताजिक सीमा के दो-तिहाई हिस्से को नियंत्रित करता है।',
  sv: 'Talibanerna kontrollerar två tredjedelar av gränsen mot Tadzjikistan, enligt det ryska utrikesministeriet och det är oroande.',
  ro: 'Talibanii controlează două treimi din granița cu Tadjikistanul, a declarat ministerul rus de externe.',
}

describe('detectLanguage', () => {
  it('tells the project languages apart on one sentence each', () => {
    const detected = Object.fromEntries(Object.entries(SAMPLES).map(([lang, text]) => [lang, detectLanguage(text)]))
    expect(detected).toEqual(Object.fromEntries(Object.keys(SAMPLES).map((lang) => [lang, lang])))
  })

  it('the seeds: Turkish, English, Arabic', () => {
    expect(
      ['000_195cf53558b12275.txt', '001_ca6b3e2cd13aa704.txt', '002_fbd60fafe6e1c24f.txt', '003_bf909d56e6d888d1.txt', '004_bb8713d49bac3b23.txt'].map(
        (f) => detectLanguage(seed(f)),
      ),
    ).toEqual(['tr', 'en', 'ar', 'en', 'en'])
  })

  it('Turkish by its letters alone, and by its words without them', () => {
    expect(detectLanguage('Işık ağır düşmüş İzmir')).toBe('tr')
    expect(detectLanguage('bu bir kitap ve bu da bir kalem')).toBe('tr')
  })

  it('`und` for empty, letterless or undecidable text', () => {
    for (const text of ['', '   ', '12345 67.89', '!!! ??? ...', '\u200B\uFEFF', 'xq', 'Zyx Qwv']) {
      expect(detectLanguage(text), JSON.stringify(text)).toBe('und')
    }
  })

  it('a long text is sampled, not read whole', () => {
    // German for the sample, then far more English than German: only the sample decides.
    const long = `${SAMPLES.de} `.repeat(1_000) + `${SAMPLES.en} `.repeat(100_000)
    expect(detectLanguage(long)).toBe('de')
  })

  it('never throws, always a code or und', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const lang = detectLanguage(text)
        expect(lang === 'und' || ISO_639_1.has(lang)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})

describe('isRtl', () => {
  it('right-to-left languages and scripts', () => {
    const rtl = ['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb', 'ar-EG', 'fa-IR', 'HE', 'ku-Arab', 'pa-Arab']
    const ltr = ['en', 'tr', 'zh', 'ru', 'de', 'ku', 'sd-Deva', 'az-Latn', 'und', '', 'zh-Hant']
    expect(rtl.filter((l) => !isRtl(l))).toEqual([])
    expect(ltr.filter((l) => isRtl(l))).toEqual([])
  })
})

describe('isValidLanguageTag', () => {
  it('accepts ISO 639-1 codes and BCP 47 tags', () => {
    const valid = ['en', 'tr', 'AR', 'pt-BR', 'zh-Hant', 'zh-Hant-TW', 'es-419', 'sr-Latn-RS', 'de-CH-1996', 'en-US-x-twain', 'und', 'fil', 'ckb', 'yue']
    expect(valid.filter((t) => !isValidLanguageTag(t))).toEqual([])
  })

  it('rejects unknown languages and malformed tags', () => {
    const invalid = ['', 'e', 'english', 'xx', 'qq-BR', 'pt_BR', 'en-', 'en--US', '-en', 'en-US-', 'en-Latn-Latn-US', 'en US', 'abc', 'en-a'.repeat(30)]
    expect(invalid.filter((t) => isValidLanguageTag(t))).toEqual([])
    expect(isValidLanguageTag(42 as unknown as string)).toBe(false)
  })

  it('knows the 183 ISO 639-1 codes, every detected language among them', () => {
    expect(ISO_639_1.size).toBe(183)
    for (const lang of Object.keys(SAMPLES)) expect(isValidLanguageTag(lang)).toBe(true)
  })
})
