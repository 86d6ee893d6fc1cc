/**
 * Word lists the segmenter consults at a possible boundary. English abbreviations come from
 * `sentence-splitter` (its `English` language data); the rest covers Turkish, Arabic and the
 * other languages the project meets (German, French, Spanish, Russian...). Lists are merged
 * across languages: a word that is an abbreviation in one language is rarely a plain word that
 * ends sentences in another, and the merged lists keep segmentation working when the language
 * is guessed wrong. All entries are folded with {@link fold}, without the final period.
 */
import { English } from 'sentence-splitter/lang'

/** Lower-cases for lookup; Turkish `İ` folds to `i` rather than to `i̇` (i + combining dot). */
export function fold(word: string): string {
  return word.replace(/İ/g, 'i').toLowerCase()
}

function set(words: readonly string[]): ReadonlySet<string> {
  return new Set(words.map((w) => fold(w.replace(/\.$/, ''))))
}

/**
 * Abbreviations written before a name or number: never the end of a sentence
 * (`Dr. Smith`, `Prof. Dr.`, Turkish `Doç. Dr.`, `Sn. Bakan`).
 */
export const PREPOSITIVE: ReadonlySet<string> = set([
  ...English.PREPOSITIVE_ABBREVIATIONS,
  // English titles missing from sentence-splitter's list
  'Pres', 'Hon', 'Gov', 'Supt', 'Sen', 'Fr', 'Mme', 'Mlle', 'Mmes', 'Msgr', 'Lt', 'Gen', 'Adm', 'Sra', 'Srta',
  // Turkish: Doçent, Profesör, Avukat, Yardımcı, Öğretim görevlisi, Sayın, Hazreti, Uzman, Mühendis, Operatör, military ranks
  'Doç', 'Yrd', 'Öğr', 'Gör', 'Av', 'Sn', 'Hz', 'Uzm', 'Müh', 'Op', 'Alb', 'Org', 'Korg', 'Tümg', 'Tuğg', 'Yzb', 'Bşk', 'Ecz', 'Dt',
  // German and Dutch titles
  'Hr', 'Dipl', 'Ing', 'Dres', 'Mag',
  // Abbreviations that introduce what follows and so never end a sentence:
  // vergleiche, beziehungsweise, circa, beispielsweise, eventuell, gegebenenfalls, inklusive,
  // zuzüglich, sogenannt, insbesondere; confer, videlicet, approximately, respectively
  'vgl', 'bzw', 'ca', 'bspw', 'evtl', 'ggf', 'inkl', 'zzgl', 'sog', 'insb', 'cf', 'viz', 'approx', 'resp',
  // Spanish, Italian, Portuguese, French titles
  'Dña', 'Dott', 'Dra', 'Sto', 'Sta', 'Pe',
  // Russian: господин, госпожа, товарищ
  'г-н', 'г-жа', 'тов',
])

const NOT_ABBREVIATIONS = new Set(['may.', 'me.', 'is.', 'ill.', 'miss.', 'mass.', 'man.', 'ok.', 'ken.', 'wash.', 'id.', 'con.'])

/**
 * Other abbreviations: a number after them never starts a sentence (`No. 5`, `vb. 3`,
 * `S. 12`); see {@link FINAL_ABBREVIATIONS} for a capital. sentence-splitter's list loses the
 * plain words that end sentences (`in May.`, `tell me.`).
 */
export const ABBREVIATIONS: ReadonlySet<string> = set([
  // sentence-splitter lists some plain words that end sentences (`in May. 30 died`); leave them out
  ...English.ABBREVIATIONS.filter((a) => !NOT_ABBREVIATIONS.has(a.toLowerCase())),
  // English
  'approx', 'fig', 'figs', 'vol', 'vols', 'no', 'nos', 'pp', 'p', 'ed', 'eds', 'est', 'etc', 'cf', 'al', 'jr', 'ch', 'chap',
  'sec', 'para', 'art', 'arts', 'ref', 'tel', 'ext', 'dept', 'govt', 'mil', 'min', 'max', 'misc', 'vs', 'viz', 'ca', 'resp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri',
  'sat', 'sun', 'inc', 'ltd', 'co', 'corp', 'bros', 'plc',
  // Turkish: ve benzeri, vesaire, bakınız, örneğin, yüzyıl, numara, telefon, cadde, sokak, mahalle, sayfa, cilt...
  'vb', 'vs', 'bkz', 'örn', 'yy', 'cad', 'sok', 'mah', 'apt', 'blv', 'mö', 'ms', 'şb', 'tic', 'san', 'ltd', 'şti', 'gn',
  'md', 'mad', 'fık', 'hk', 'krş', 'çev', 'haz', 'der', 'yay', 'akt', 'vd', 'bşk', 'ş', 's', 'c', 'sy',
  // German
  'bzw', 'usw', 'vgl', 'nr', 'abs', 'bd', 'str', 'evtl', 'ggf', 'inkl', 'zzgl', 'ca', 'gegr', 'jh', 'jhd', 'mio', 'mrd',
  'tsd', 'u', 'hrsg', 'sog', 'insb', 'z', 'o', 'd',
  // French, Spanish, Italian, Portuguese
  'env', 'av', 'bd', 'pág', 'págs', 'núm', 'aprox', 'ej', 'ud', 'uds', 'cía', 'pag', 'ecc', 'sig', 'ss', 'nº', 'n°',
  // Russian (год, город, улица, том, страница, и так далее)
  'г', 'гг', 'ул', 'д', 'т', 'с', 'стр', 'см', 'им', 'тыс', 'млн', 'млрд', 'руб', 'др', 'пр', 'проф',
])

/**
 * Abbreviations that close a list or a company name and so often end a sentence: any capital
 * after them starts a new one (`..., pears etc. Bananas`, `Apple Inc. Microsoft`). After the
 * other known abbreviations a name is more likely, and only a common sentence opener ends
 * (`Bd. XI` goes on, `Calif. The` ends).
 */
export const FINAL_ABBREVIATIONS: ReadonlySet<string> = set([
  'etc', 'vb', 'usw', 'ecc', 'vd', 'inc', 'ltd', 'corp', 'plc', 'bros', 'şti', 'esq', 'llc',
])

/**
 * Capitalised words that commonly open a sentence: articles, pronouns, conjunctions and
 * sentence adverbs of the languages the project meets. After an ambiguous period
 * (`U.S.`, an initial, a Turkish or German ordinal `3.`) only such a word starts a new sentence:
 * `the U.S. The` ends, `U.S. President` does not; `21. Yüzyıl` does not, `2001. Bu` does.
 */
export const SENTENCE_STARTERS: ReadonlySet<string> = set([
  // English
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'But', 'And', 'Or', 'So', 'Yet', 'In', 'On', 'At', 'For',
  'From', 'With', 'By', 'As', 'If', 'When', 'While', 'After', 'Before', 'Since', 'Although', 'Though', 'Because', 'This',
  'That', 'These', 'Those', 'There', 'Here', 'His', 'Her', 'Its', 'Their', 'Our', 'My', 'Your', 'Some', 'Many', 'Most',
  'All', 'No', 'Not', 'One', 'However', 'Meanwhile', 'Earlier', 'Later', 'Also', 'Still', 'Then', 'Now', 'What', 'Who',
  'Why', 'How', 'Where', 'Which', 'According', 'During', 'Despite', 'Under', 'Over', 'Such', 'Each', 'Both', 'Another',
  'Other', 'Last', 'Next', 'Today', 'Yesterday', 'Officials', 'Thus', 'Instead', 'Even', 'Only', 'Nor', 'Neither',
  'Did', 'Do', 'Does', 'Is', 'Are', 'Was', 'Were', 'Can', 'Could', 'Would', 'Should', 'Has', 'Have', 'Had',
  // Turkish
  'Bu', 'Şu', 'O', 'Bir', 'Ve', 'Ama', 'Fakat', 'Ancak', 'Daha', 'Bunun', 'Buna', 'Bunu', 'Bunlar', 'Böylece', 'Ayrıca',
  'Öte', 'Son', 'Her', 'Hem', 'Ne', 'Da', 'De', 'Ben', 'Biz', 'Siz', 'Onlar', 'Onun', 'Şimdi', 'İşte', 'Çünkü', 'Eğer',
  'Sonra', 'Önce', 'Yine', 'Hatta', 'Oysa', 'Zira', 'Dolayısıyla', 'Bununla', 'Diğer', 'Öyle', 'Böyle', 'Sözcü',
  // German
  'Der', 'Die', 'Das', 'Ein', 'Eine', 'Er', 'Sie', 'Es', 'Wir', 'Ich', 'Und', 'Aber', 'Doch', 'Im', 'Am', 'Auf', 'Mit',
  'Nach', 'Bei', 'Für', 'Dies', 'Diese', 'Dieser', 'Dieses', 'Auch', 'Als', 'Wenn', 'Dann', 'Damit', 'Dabei', 'Zudem',
  'Seit', 'Vor', 'Zum', 'Zur', 'Den', 'Dem', 'Des',
  // French
  'Le', 'La', 'Les', 'Un', 'Une', 'Il', 'Elle', 'Ils', 'Elles', 'Nous', 'Je', 'Ce', 'Cette', 'Ces', 'Mais', 'Et', 'En',
  'Dans', 'Au', 'Aux', 'Pour', 'Selon', 'Depuis', 'Cependant',
  // Spanish, Italian, Portuguese
  'El', 'Los', 'Las', 'Una', 'Él', 'Ella', 'Pero', 'Y', 'Con', 'Por', 'Para', 'Según', 'Este', 'Esta', 'Lo', 'Gli', 'Questo',
  'Questa', 'Ma', 'Os', 'As', 'Um', 'Uma', 'Mas', 'Em', 'Segundo',
  // Dutch and Scandinavian
  'Het', 'Een', 'Maar', 'Dit', 'Deze', 'Den', 'Det', 'Och', 'Og', 'Men', 'Jeg', 'Han', 'Hun',
  // Russian
  'Он', 'Она', 'Они', 'Это', 'В', 'На', 'Но', 'И', 'По', 'Как', 'Однако', 'При', 'Также',
])

/**
 * Words that cannot end a sentence: articles, prepositions, conjunctions. A line or paragraph
 * that stops on one of them goes on in the next (a paragraph break inside a sentence).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = set([
  // English
  'the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'and', 'or', 'but', 'as', 'that', 'which',
  'who', 'whose', 'whom', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'its', 'their', 'his', 'her',
  'our', 'your', 'my', 'this', 'these', 'those', 'than', 'into', 'onto', 'over', 'under', 'about', 'between', 'among',
  'through', 'during', 'without', 'within', 'against', 'toward', 'towards', 'upon', 'via', 'if', 'because', 'while',
  'although', 'whether',
  // Turkish
  've', 'ile', 'veya', 'ya', 'için', 'gibi', 'bir', 'bu', 'şu', 'ki', 'ama', 'fakat', 'ancak', 'ise', 'hem',
  // Arabic: و في من على إلى عن مع أن إن التي الذي ...
  'و', 'في', 'من', 'على', 'إلى', 'الى', 'عن', 'مع', 'أن', 'إن', 'ان', 'التي', 'الذي', 'الذين', 'التى', 'لكن', 'ثم', 'أو', 'او',
  'بين', 'حتى', 'منذ', 'عند', 'لدى', 'ضد', 'خلال', 'حول', 'إلا', 'كما', 'بأن', 'لأن',
  // German
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'und', 'oder', 'aber', 'mit', 'von',
  'zu', 'im', 'am', 'auf', 'für', 'bei', 'aus', 'nach', 'über', 'unter', 'vor', 'durch', 'dass', 'als', 'wie',
  // French, Spanish, Italian, Portuguese
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'et', 'ou', 'mais', 'avec', 'pour', 'par', 'dans', 'sur', 'au', 'aux',
  'que', 'qui', 'dont', 'el', 'los', 'las', 'del', 'y', 'con', 'para', 'por', 'al', 'il', 'di', 'della', 'dei', 'e', 'o',
  'em', 'do', 'da', 'dos', 'das', 'com',
  // Russian
  'и', 'в', 'на', 'с', 'по', 'к', 'о', 'от', 'за', 'из', 'для', 'что', 'как', 'но', 'а', 'или',
])

/**
 * Verbs of saying. After `?"` or `!"` a name and one of these go on with the same sentence:
 * `"Why?" Mary asked.` is one sentence.
 */
export const SPEECH_VERBS: ReadonlySet<string> = set([
  'said', 'says', 'asked', 'asks', 'added', 'adds', 'told', 'tells', 'replied', 'replies', 'shouted', 'cried', 'wrote',
  'writes', 'yelled', 'whispered', 'exclaimed', 'demanded', 'wondered', 'continued', 'insisted', 'explained', 'recalled',
  'noted', 'tweeted', 'answered', 'screamed', 'dedi', 'sordu', 'diye', 'sagte', 'fragte', 'dit', 'demanda', 'dijo',
  'preguntó', 'сказал', 'сказала', 'спросил', 'спросила',
])

/**
 * Languages that write ordinal numbers with a period (`3. Oktober`, Turkish `3. Ordu`,
 * `21. yüzyıl`): there a small number and a period before a capital are an ordinal, not the end
 * of a sentence, unless the capital is a common sentence opener.
 */
export const ORDINAL_DOT_LANGUAGES: ReadonlySet<string> = new Set([
  'tr', 'de', 'da', 'nb', 'nn', 'no', 'fi', 'is', 'et', 'lv', 'cs', 'sk', 'sl', 'hr', 'sr', 'bs', 'hu', 'pl', 'fo', 'az',
])
