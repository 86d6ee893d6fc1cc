/**
 * Page furniture: the navigation, comment forms, share buttons, credits and datelines a web page
 * wraps an article in. Copied along with the article, it shows up as sentences with no
 * counterpart; it is reported as `boilerplate`, not as an omission of content.
 *
 * Patterns for English, Turkish and Arabic, and generic ones (URLs, copyright lines, lines made
 * only of a date). They match whole short lines, not phrases inside running text.
 */
import { extractNumbers } from './numbers.ts'
import { primaryLang } from './text.ts'

export type BoilerplateCategory =
  | 'navigation'
  | 'comments'
  | 'related'
  | 'share'
  | 'credit'
  | 'copyright'
  | 'subscribe'
  | 'advert'
  | 'tags'
  | 'dateline'
  | 'section'
  | 'link'

export interface BoilerplateMatch {
  category: BoilerplateCategory
  /** What the line is, for a message: "navigation links". */
  label: string
}

const LABELS: Record<BoilerplateCategory, string> = {
  navigation: 'navigation links',
  comments: 'a comment form',
  related: 'a list of related articles',
  share: 'share buttons',
  credit: 'a page credit',
  copyright: 'a copyright line',
  subscribe: 'a subscription prompt',
  advert: 'an advertisement label',
  tags: 'a tag list',
  dateline: "the web page's dateline",
  section: 'a section label',
  link: 'a bare link',
}

const PATTERNS: Array<[BoilerplateCategory, RegExp]> = [
  // English
  ['navigation', /^(?:(?:previous|next|older|newer)\s+(?:post|article|story|entry|page|news)\b\s*){1,2}$/i],
  ['navigation', /^(?:back to top(?: button)?|skip to (?:main )?content|go to top|scroll to top|main menu|menu|search|home)$/i],
  ['navigation', /^home\s*[»>/|›]/i],
  ['comments', /^(?:comments are closed\.?|leave a (?:reply|comment)|post a comment|add (?:a )?comment|comments?(?:\s*\(\d+\))?|\d+\s+comments?|no comments(?: yet)?|cancel reply)$/i],
  ['comments', /your email address will not be published|required fields are marked|save my name, email/i],
  ['related', /^(?:related(?:\s+(?:articles?|posts?|news|stories|content|topics))?|you (?:may|might) also like|recommended(?: for you)?|more (?:from|on|in) .{0,40}|read (?:more|also|next)(?::.*)?|see also(?::.*)?|most (?:read|popular))$/i],
  ['share', /^(?:share(?: this(?: article| post| story)?)?(?: on .*)?:?|tweet|email|print|(?:(?:facebook|twitter|x|whatsapp|telegram|linkedin|pinterest|reddit|email|print)[\s|•,]*){2,})$/i],
  ['credit', /^(?:editor|editing|edited by|reporting by|writing by|written by|compiled by|source|photo|photograph|image|credit|photo credit|additional reporting)\s*:.*$/i],
  ['credit', /^(?:reporting|writing) by .{2,80}; (?:editing|writing) by .{2,80}$/i],
  ['copyright', /(?:©|\(c\)\s*\d{4}|copyright\s+(?:©\s*)?\d{4}|all rights reserved)/i],
  ['subscribe', /^(?:subscribe(?: now| to .*)?|sign up(?: for .*)?|newsletter|get the latest .*|follow us(?: on .*)?)$/i],
  ['advert', /^(?:advertisement|sponsored(?: content)?|ad|ads)$/i],
  ['tags', /^(?:tags|topics|filed under|posted in|categories)\s*:.*$/i],
  // Turkish
  ['navigation', /^(?:(?:önceki|sonraki)\s+(?:haber|yazı|içerik|makale|gönderi|sayfa)\s*){1,2}$/iu],
  ['navigation', /^(?:başa dön|yukarı çık|ana sayfa|anasayfa)$/iu],
  ['comments', /^(?:yorumlar kapalı\.?|yorum yap|yorum yaz|yorumlar|yorumlar(?:ı| ı)? göster|bir yanıt yazın|bir cevap yazın|yanıtla|cevapla)$/iu],
  ['comments', /e-posta (?:adresiniz|hesabınız) yayımlanmayacak|gerekli alanlar \* ile işaretlenmişlerdir/iu],
  ['related', /^(?:ilgili haberler|benzer haberler|ilgili yazılar|bunlar da ilginizi çekebilir|devamını oku|daha fazla(?: haber)?|en çok okunanlar)$/iu],
  ['share', /^(?:paylaş|paylaşın|haberi paylaş)$/iu],
  ['credit', /^(?:editör|muhabir|haber|kaynak|fotoğraf|görsel|çeviri|yazar|derleyen|hazırlayan)\s*:.*$/iu],
  ['credit', /^(?:haber merkezi|dış haberler servisi)$/iu],
  ['copyright', /tüm hakları saklıdır/iu],
  ['subscribe', /^(?:abone ol(?:un)?|bültenimize abone olun)$/iu],
  ['advert', /^(?:reklam|sponsorlu içerik)$/iu],
  ['tags', /^(?:etiketler|konular)\s*:.*$/iu],
  // Arabic
  ['navigation', /^(?:(?:المقال|الخبر|الموضوع|المنشور)\s+(?:السابق|التالي)\s*){1,2}$/u],
  ['navigation', /^(?:العودة إلى الأعلى|الرئيسية|الصفحة الرئيسية)$/u],
  ['comments', /^(?:التعليقات مغلقة\.?|اترك تعليقا|اترك تعليقاً|اترك ردا|اترك رداً|أضف تعليق|أضف تعليقا|التعليقات|تعليقات)$/u],
  ['comments', /لن يتم نشر عنوان بريدك الإلكتروني/u],
  ['related', /^(?:اقرأ أيضا|اقرأ أيضاً|اقرأ المزيد|أخبار ذات صلة|مقالات ذات صلة|مواضيع ذات صلة|الأكثر قراءة)(?:\s*:.*)?$/u],
  ['share', /^(?:شارك|مشاركة|شارك المقال|شارك الخبر)$/u],
  ['credit', /^(?:تحرير|المحرر|المصدر|إعداد|تصوير|ترجمة|كتب)\s*:.*$/u],
  ['copyright', /جميع الحقوق محفوظة/u],
  ['subscribe', /^(?:اشترك|اشترك الآن|النشرة البريدية)$/u],
  ['advert', /^(?:إعلان|اعلان|محتوى مدفوع)$/u],
  ['tags', /^(?:الوسوم|كلمات مفتاحية|الكلمات الدالة)\s*:.*$/u],
  // Generic
  ['link', /^(?:https?:\/\/|www\.)\S+$/i],
  ['link', /^\S+@\S+\.\w+$/],
]

const LONG_HINT = /[:©]|\(c\)|reserved|saklıdır|محفوظة|published|yayımlanmayacak|بريدك|reporting by|writing by|required fields|gerekli alanlar|comments are closed/iu

const COMPILED: Array<[BoilerplateCategory, RegExp, boolean]> = PATTERNS.map(([c, re]) => [
  c,
  re,
  re.source.startsWith('^') && re.source.endsWith('$') && !/\.\*|\.\{|\\S\+/.test(re.source) && re.source.length < 400,
])

const SECTIONS = new Set(
  `world news|world|news|politics|business|breaking news|latest news|top stories|home|opinion|
  analysis|son dakika|dünya|gündem|siyaset|ekonomi|haberler|dünya haberleri|عاجل|أخبار|العالم|سياسة|
  أخبار العالم|آخر الأخبار`.split(/\|\s*/).map((s) => s.trim()),
)

// Words allowed around a date on a dateline.
const DATELINE_FILLER =
  /^(?:updated?|published|posted|last|modified|on|at|am|pm|gmt|utc|est|edt|cet|msk|trt|local|time|güncelleme|güncellendi|yayınlanma|yayınlandı|tarihi|saat|تاريخ|النشر|التحديث|آخر|تحديث|نشر|في|الساعة|بتوقيت|غرينتش|مساء|صباحا|ص|م)$/iu

/**
 * The kind of page furniture `text` is, or undefined for ordinary content.
 *
 * @example boilerplate('Previous Post Next Post') // { category: 'navigation', label: 'navigation links' }
 */
export function boilerplate(text: string, lang?: string): BoilerplateMatch | undefined {
  const t = text.replace(/[\s\u00a0\u200b]+/g, ' ').trim()
  if (!t) return undefined
  if (!/[\p{L}\p{N}]/u.test(t)) return { category: 'navigation', label: 'a line of symbols' }
  if (t.length > 200) return undefined
  // Anchored patterns without a wildcard match short lines only: skip them on long ones, and
  // skip a long line altogether unless it has a sign of a comment form, credit or copyright.
  const long = t.length > 60
  if (long && !LONG_HINT.test(t)) return t.length <= 80 && dateline(t, lang) ? { category: 'dateline', label: LABELS.dateline } : undefined
  for (const [category, re, shortOnly] of COMPILED) {
    if (long && shortOnly) continue
    if (re.test(t)) return { category, label: LABELS[category] }
  }
  const lower = t.toLocaleLowerCase(primaryLang(lang) === 'tr' ? 'tr' : undefined).replace(/[.:]$/, '')
  if (t.split(' ').length <= 3 && SECTIONS.has(lower)) return { category: 'section', label: LABELS.section }
  if (dateline(t, lang)) return { category: 'dateline', label: LABELS.dateline }
  return undefined
}

/** A line made only of a date or time (`Friday, April 19, 2024`, `Updated: 10:32 GMT`). */
// A dateline has a year, a time or a month name: a cheap test before parsing the numbers.
const DATE_HINT = new RegExp(
  String.raw`(?:^|\D)(?:1[89]|20)\d\d(?:\D|$)|\d:\d\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|[٠-٩]{4}`,
  'iu',
)

function dateline(t: string, lang?: string): boolean {
  if (t.length > 80 || !/[\d\u0660-\u0669\u06f0-\u06f9]/.test(t) || !DATE_HINT.test(t)) return false
  const p = primaryLang(lang)
  const numbers = extractNumbers(t, p === 'und' ? 'en' : p)
  if (!numbers.some((n) => n.kind === 'month' || n.kind === 'time' || (n.kind === 'number' && n.value >= 1900 && n.value <= 2100)))
    return false
  let rest = ''
  let pos = 0
  for (const n of numbers) {
    rest += t.slice(pos, n.start) + ' '
    pos = n.end
  }
  rest += t.slice(pos)
  const words = rest.split(/[^\p{L}]+/u).filter(Boolean)
  return words.every((w) => DATELINE_FILLER.test(w))
}
