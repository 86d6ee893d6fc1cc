/**
 * A small hand-made bilingual lexicon of everyday news vocabulary (English, Turkish, Arabic), used
 * as lexical evidence when locating the part of a sentence that has no counterpart. It is not a
 * dictionary: it knows a few hundred common words, so a word it does not know is "unknown", never
 * "untranslated". Cognates and names are matched separately (see evidence.ts).
 *
 * Each line is one concept: `english stems | turkish stems | arabic stems`. A stem matches a word
 * that starts with it (Turkish and Arabic add endings, English inflects), the longest stem wins,
 * and stems shorter than four letters must match the whole word or be followed by a short ending.
 * Arabic stems are written normalised (see `normalizeArabic`) and matched after clitic prefixes
 * are removed.
 */
import { arabicStems, normalizeArabic, primaryLang } from './text.ts'

const TABLE = `
say,said,says,stat,told,tell | söyle,dedi,diye,belirt,açıkla,ifade | قال,قول,صرح,اعلن,افاد,ذكر
add,added | ekle,ekledi | اضاف
note,noted | not,gör,gözlem | لاحظ,نلاحظ
border,frontier | sınır | حدود,حد,حدود,الحدود
crossing,checkpoint,port of entry | kapı,geçiş,geçid,geçit | معبر,منفذ
bridge | köprü | جسر
river | nehir,nehr,ırmak | نهر
flag | bayrak | علم,راي
militant,fighter,insurgent,rebel | militan,savaşçı,isyancı,asi | مسلح,مقاتل,متمرد
soldier,troop,serviceme,service member,forces | asker,birlik,kuvvet,güç | جندي,جنود,قوات,عسكري
army,military | ordu,askeri | جيش,عسكري
spokesm,spokeswom,spokesperson | sözcü | متحدث,ناطق
terrorist | terörist | ارهاب
terror | terör | ارهاب
group,movement | grup,hareket | جماعه,حركه,مجموع
capture,seize,seiz,occupy,occupied,overr,took over,take over,took control | ele geçir,işgal,kontrol et,ele geçiren,geçmesi | سيطر,استولي,احتل
control | kontrol,denetim | سيطر,تحكم
full,complete,entire,whole | tam,tamamen,tüm,bütün | كامل,تام,جميع
trade,commerce | ticaret | تجار
biggest,largest,main,major,key | en büyük,büyük,ana,başlıca,önemli | اكبر,رئيسي,اهم
big,large,great | büyük,iri | كبير
small,little | küçük | صغير
today | bugün | اليوم
yesterday | dün | امس
tomorrow | yarın | غدا
now,currently,present | şimdi,artık,şu anda,halen | الان,حاليا
operation | operasyon,faaliyet,işlem | عمليه,تشغيل
work,working | çalış,iş | عمل
try,trie,attempt | dene,çalış,girişim | حاول,محاول
claim | iddia | زعم,ادعاء,ادعي
verif,confirm | doğrula,teyit | تحقق,تاكيد,اكد
government | hükümet | حكوم
country,countries,nation | ülke,devlet | بلد,بلاد,دول
state | devlet | دوله
entry,entrance | giriş | دخول
use,uses,used | kullan | استخدم
withdraw,withdrawal,pull out,departure,depart,leave,left | çekil,ayrıl,çıkış | انسحاب,انسحب,مغادر,رحيل
conclude,complete,end,finish | tamamla,bitir,sona er,son | انهاء,اكمال,نهايه,انتهاء
president | başkan,cumhurbaşkan | رئيس
minister | bakan | وزير
ministry | bakanlık | وزار
foreign | dış,yabancı | خارج,اجنب
foreign ministry | dışişleri | الخارجيه
defense,defence | savunma | دفاع
interior | içişleri | داخليه
unlikely,unable,impossible | mümkün değil,pek,olası değil | مستبعد,غير مرجح
able,possible,can | mümkün,olabil,edebil | يمكن,ممكن,قادر
confrontation,clash,fight,fighting,battle,conflict,war | çatışma,savaş,muharebe,mücadele | مواجه,قتال,معارك,معركه,صراع,حرب,اشتباك
torn | parçalan | ممزق
territor,area,region,district,land,zone | bölge,alan,toprak,ilçe | منطق,مناطق,اراض,مقاطع
rural | kırsal | ريفي,ريف
offensive,attack,assault,raid | saldırı,taarruz,hücum | هجوم,هجمات
city,cities,town | şehir,şehr,kent | مدين,مدن
tension,tensions | gerilim,tansiyon | توتر
flare,rise,increase,grow,growing,surge,escalat | yüksel,artış,art,tırman | تصاعد,زياد,ارتفاع,تزايد
sharp,sharply | keskin,sert | حاد
quick,quickly,rapid,fast | hızla,hızlı,çabuk | سريع
most,majority | çoğu,çoğun | معظم,غالبي
about,approximately,around,nearly,almost | yaklaşık,civarında,neredeyse | حوالي,نحو,تقريبا
security | güvenlik | امن,الامن
bloc,alliance,ally,allies | blok,ittifak,müttefik | تحالف,حلف,حليف
act,acting,action | hareket,eylem | تصرف,عمل
decisive,determination,resolute,resolve | kararlı,kararlılık | حازم,حزم,عزم
prevent,stop,deter,contain | önle,engelle,durdur | منع,ردع,احتواء
aggression | saldırganlık | عدوان
provocation | provokasyon,kışkırtma | استفزاز
southern,south | güney | جنوب
northern,north | kuzey | شمال
eastern,east | doğu | شرق
western,west | batı | غرب
concern,worry,worried | endişe,kaygı | قلق
cause | neden ol,yol aç,sebep | تسبب,سبب
near,nearby,close to | yakın | قرب,قريب
conduct,hold,held | yürüt,düzenle,gerçekleştir | اجراء,اجري,عقد
intensive,intense | yoğun | مكثف
contact,talk,negotiat | temas,görüşme,müzakere | اتصال,محادث,مفاوض
channel | kanal | قناه,قنوات
diplomatic,diplomat | diplomatik,diplomat | دبلوماس
service | teşkilat,servis,hizmet | خدمات,خدم,جهاز,اجهزه
department | bakanlık,daire,birim | اداره,دائر
necessary,needed,need | gerekli,gerek,ihtiyaç | ضروري,لازم,حاج
additional,further,extra,more | ek,ilave,daha fazla | اضافي,مزيد
measure,step | önlem,tedbir,adım | اجراء,تدابير,خطو
spirit | ruh | روح
base | üs,üss | قاعد
assist,help,support,aid | yardım,destek | مساعد,دعم,مساند
situation | durum | وضع,الوضع
recent,recently,last,past | son,geçen,geçtiğimiz | اخير,الماضي
day,days | gün | يوم,ايام
week,weeks | hafta | اسبوع,اسابيع
month,months | ay | شهر,اشهر
year,years | yıl,sene | عام,سنه,سنوات,اعوام
thousands | binlerce | الاف
hundreds | yüzlerce | مئات
dozens | düzinelerce,onlarca | عشرات
flee,fled,escap | kaç | فر,فرار,هرب
neighbo | komşu | جار,مجاور
refuse | reddet | رفض
accept,admit,receive | kabul | قبول,استقبال
cross,crossed | geç | عبور,عبر
share,shares,sharing | paylaş | تتقاسم,يتقاسم,مشترك
schedule,planned,plan | planla,plan | مقرر,خطط,خطه
violence,violent | şiddet | عنف
meet,met,meeting | karşıla,görüş,toplan | لقاء,اجتماع,التقي
fall,fell,falling,fallen | düş,eline geç | سقوط,سقط
statement | açıklama,bildiri | بيان
report,reported | rapor,bildir,haber | تقرير,تقارير,افاد,ذكر
official,officials | yetkili,resmi | مسؤول,رسمي
source,sources | kaynak | مصدر,مصادر
news | haber | خبر,اخبار,انباء
agency | ajans | وكال
quoted,quote | aktar,alıntı | نقل,نقلا
according | göre | وفق,بحسب,حسب
police | polis | شرط
people,person,citizen | insan,kişi,halk,vatandaş | شعب,ناس,اشخاص,مواطن
killed,kill,dead,death,died | öldür,öl,ölü,hayatını kaybet | قتل,مقتل,موت,وفا
wounded,injured | yaralı,yarala | جرحي,اصاب,مصاب
civilian | sivil | مدني
weapon,arms | silah | سلاح,اسلح
peace,peaceful | barış | سلام,سلمي
settlement,agreement,deal | anlaşma,uzlaşma | اتفاق,تسويه
rights,right | hak | حق,حقوق
women,woman | kadın | نساء,امراه,المراه
girl | kız | فتيات,بنات
children,child | çocuk | اطفال,طفل
minorit | azınlık | اقليات,اقليه
threat,threaten | tehdit | تهديد,خطر
danger,dangerous,risk | tehlike,risk | خطر
safe,safety | güvenli,emniyet | امن,سلام
attack,attacks | saldırı | هجوم
protect | koru | حماي
drug | uyuşturucu | مخدرات
production,produce | üretim,üret | انتاج
combat | mücadele | مكافح,محارب
mission | misyon,heyet | بعث
delegation | heyet | وفد
host | ev sahib | مضيف
platform | platform | منص
future | gelecek | مستقبل
capital | başkent | عاصم
province,provincial | vilayet,eyalet,il | ولاي,محافظ
capacity,resources | kapasite,kaynak | قدر,موارد
ready,readiness | hazır | استعداد,جاهز,مستعد
crisis | kriz | ازم
agreement | anlaşma | اتفاق
help | yardım | مساعد
economy,economic | ekonomi | اقتصاد
price | fiyat | سعر,اسعار
money,fund | para,fon | مال,اموال
company | şirket | شرك
market | piyasa,pazar | سوق,اسواق
oil | petrol | نفط
gas | gaz | غاز
energy | enerji | طاق
water | su | ماء,مياه
food | gıda,yiyecek | غذاء,طعام
health | sağlık | صح
hospital | hastane | مستشفي
school | okul | مدرس
university | üniversite | جامع
law,legal | yasa,hukuk,kanun | قانون
court | mahkeme | محكم
judge | yargıç,hakim | قاضي
election,vote | seçim,oy | انتخاب,تصويت
party | parti | حزب
parliament | meclis,parlamento | برلمان,مجلس
council | konsey | مجلس
leader,leadership | lider | زعيم,قائد,قاده
people's,popular | halk | شعبي
power | güç,iktidar | سلط,قوه
policy,politics,political | politika,siyaset,siyasi | سياس
international | uluslararası | دولي
world,global | dünya,küresel | عالم
region,regional | bölge | منطق,اقليم
local | yerel | محلي
national | ulusal,milli | وطني
public | kamu | عام
private | özel | خاص
first | ilk,birinci | اول
last | son | اخير
new | yeni | جديد
old,former | eski | سابق,قديم
high | yüksel | مرتفع,عالي
low | düşük | منخفض
long | uzun | طويل
short | kısa | قصير
important | önemli | مهم
good | iyi | جيد
bad | kötü | سيء
true | doğru,gerçek | صحيح,حقيق
false | yanlış,sahte | خاطئ,كاذب
open | aç | فتح
close,closed | kapat,kapa | اغلاق,اغلق
begin,began,begun,start | başla,başlat | بدء,بدا,بدات,انطلق
launch,launched | başlat | شن,اطلق
continue,continued | devam | استمرار,تواصل,واصل
return | dön,iade | عود,عاد
want,wish | iste | اراد,يريد,رغب
know,known | bil | علم,يعرف,معروف
think,believe | düşün,inan | يعتقد,اعتقد,يري
see,seen,saw | gör | راي,شاهد
come,came | gel | جاء,اتي
go,went,gone | git | ذهب
give,gave | ver | اعطي,منح
take,took,taken | al | اخذ
make,made | yap | صنع,جعل
call,called | çağır,çağrı | دعا,دعوه,طالب
ask,asked | sor,iste | سال,طلب
answer,respond,reply | yanıt,cevap | رد,اجاب
warn,warned | uyar | حذر,تحذير
deny,denied | yalanla,reddet | نفي,نفت
promise,pledge,pledged,vow | söz ver,taahhüt | تعهد,وعد
guarantee | garanti | ضمان,ضمن
respect | saygı | احترام
reassure,assure,assurance | güvence | طمان,تطمين,ضمانات
violate,violation | ihlal | انتهاك
spill,spread | yayıl,sıçra | امتداد,انتشار
escalat | tırman | تصعيد,تصاعد
mobilis,mobiliz | seferber | تعبئ,حشد
dominat | hakim | هيمن
anonymity,anonymous | isim vermeme,anonim | عدم الكشف,هويته
condition | koşul,şart | شرط
customs | gümrük | جمارك
enter,entered | gir | دخل,دخول
territory | toprak | اراضي,اقليم
insecurity | güvensizlik | انعدام الامن
victory,win,gain | zafer,kazan | انتصار,نصر,مكاسب
negotiat | müzakere | تفاوض,مفاوض
position | pozisyon,konum | موقف,موقع
benefit | fayda,kazanç | مكاسب,فوائد
breakthrough | atılım | اختراق
protracted,long | uzun | طويل
observer | gözlemci | مراقب
focus,focused | odak | ترکیز,تركيز
team | ekip,takım | فريق
meeting | toplantı | اجتماع
reconciliation | uzlaşı | مصالح
humanitarian | insani | انساني
financial | mali,finansal | مالي
safe haven | güvenli liman | ملاذ
haven,port,harbo | liman | ميناء,مرفا,ملاذ
organization,organisation | örgüt,teşkilat | منظم
pose,posed | oluştur | تشكل,يشكل
Islamic | islami | اسلامي
commander | komutan | قائد
general | genel | عام
secretary | sekreter | امين
envoy,representative | temsilci,elçi | مبعوث,ممثل
special | özel | خاص
united | birleşik | متحد
nations | milletler | امم
union | birlik | اتحاد
treaty | antlaşma | معاهد
collective | kolektif | جماعي
jihadist | cihatçı | جهادي
hour | saat | ساع
morning | sabah | صباح
evening,night | akşam,gece | مساء,ليل
time | zaman,vakit,sıra | وقت,زمن
everything,all | her şey,hepsi | كل شيء,كل
everywhere | her yer | كل مكان
nothing | hiçbir | لا شيء
many,several,numerous | birçok,çok sayıda,bir çok | عديد,كثير
some | bazı | بعض
other | diğer,başka | اخر,اخري
same | aynı | نفس
only,just,alone | yalnızca,sadece,yalnız | فقط
also | de,da,ayrıca | ايضا
again | tekrar,yeniden | مجددا,مره اخري
together | birlikte | معا
whether | olup olmadığ | ما اذا
because | çünkü,nedeniyle | لان,بسبب
however,but | ancak,fakat,ama | لكن,غير ان
if | eğer | اذا,اذا,لو
under | altında | تحت
over,above | üzerinde | فوق
between,among | arasında | بين
against | karşı | ضد
after | sonra | بعد
before,earlier,previously | önce,daha önce | قبل,سابقا
during | sırasında,esnasında | خلال,اثناء
since | beri,bu yana | منذ
briefing | brifing,basın toplantı | ايجاز,مؤتمر صحفي
press | basın | صحف
conference | konferans | مؤتمر
interview | röportaj,mülakat | مقابله
television,TV | televizyon | تلفزيون
white | beyaz | ابيض,الابيض
house | ev,saray | بيت,منزل,قصر
palace | saray | قصر
black | siyah,kara | اسود
red | kızıl,kırmızı | احمر
sea | deniz | بحر
gulf | körfez | خليج
mountain | dağ | جبل
lake | göl | بحير
island | ada | جزير
street | cadde,sokak | شارع
square | meydan | ميدان,ساح
`

function longest(phrase: string): string {
  return phrase.split(' ').reduce((a, b) => (b.length > a.length ? b : a), '')
}

type Index = Map<string, number[]>

const INDEXES: Record<string, Index> = { en: new Map(), tr: new Map(), ar: new Map() }

function add(index: Index, stem: string, id: number) {
  const list = index.get(stem)
  if (list) {
    if (!list.includes(id)) list.push(id)
  } else index.set(stem, [id])
}

let nextId = 0
for (const line of TABLE.split('\n')) {
  const parts = line.split('|')
  if (parts.length !== 3) continue
  const id = nextId++
  const [en, tr, ar] = parts.map((p) => p.split(',').map((s) => s.trim()).filter(Boolean))
  // A multi-word entry is indexed by its longest word, the one least likely to mean something else.
  for (const s of en) add(INDEXES.en, longest(s.toLowerCase()), id)
  for (const s of tr) {
    const stem = longest(s.toLocaleLowerCase('tr'))
    add(INDEXES.tr, stem, id)
    // Final k, p, ç, t soften before a vowel (`saldırganlık` → `saldırganlığı`): index the stem
    // without it too.
    if (stem.length >= 5 && /[kpçt]$/.test(stem)) add(INDEXES.tr, stem.slice(0, -1), id)
  }
  for (const s of ar) add(INDEXES.ar, longest(normalizeArabic(s)), id)
}

/** Number of concepts in the lexicon (for tests and documentation). */
export const LEXICON_SIZE = nextId

const TR_VERBAL = /^(.{2,}?)(?:m[ae]k|m[ae]kt[ae]|m[ae]s[ıi](?:n[ıi]|n[ae]|nd[ae]|yl[ae])?|m[ae]y[ıi]|m[ae]y[ae]|m[ae]d[ae]n|m[ae]l[ıi])$/

const memo: Record<string, Map<string, readonly number[]>> = { en: new Map(), tr: new Map(), ar: new Map() }
const NONE: readonly number[] = []

/**
 * The concepts a word (already case-folded) may express, by the longest lexicon stem it starts
 * with; empty when the word is unknown or the language has no lexicon.
 *
 * @example concepts('sınırındaki', 'tr') // the concept of `border`
 */
export function concepts(fold: string, lang: string): readonly number[] {
  const p = primaryLang(lang)
  const index = INDEXES[p]
  if (!index) return NONE
  const cache = memo[p]
  const hit = cache.get(fold)
  if (hit) return hit
  const forms = p === 'ar' ? arabicStems(fold) : [fold]
  // A Turkish infinitive or verbal noun (`önle-mek`, `önle-mesi`) must not match a noun stem that
  // swallows its `m` (`önlem`, "measure"): stems stop where the verb ending begins.
  const verb = p === 'tr' ? TR_VERBAL.exec(fold) : null
  const maxLen = verb ? verb[1].length : Infinity
  let found: readonly number[] = NONE
  for (const form of forms) {
    for (let len = Math.min(form.length, maxLen); len >= 2; len--) {
      const ids = index.get(form.slice(0, len))
      if (!ids) continue
      const rest = form.length - len
      // Short stems must be (nearly) the whole word: `us` is not the start of `usual`.
      if (len < 3 && rest > 0) continue
      if (len === 3 && rest > (p === 'tr' ? 6 : 3)) continue
      found = ids
      break
    }
    if (found.length) break
  }
  if (cache.size < 50_000) cache.set(fold, found)
  return found
}
