/**
 * Crafted parallel texts for the divergence tests: faithful translations (which must come out
 * clean) in English–Turkish, English–Arabic and English–English, and variants with one divergence
 * of each kind.
 */

export const EN = [
  'The government announced on Monday that 1,500 soldiers will be sent to the border region.',
  'Prime Minister Ahmet Yilmaz said the decision was taken after a meeting in Ankara.',
  'According to officials, about 70% of the villages near the border have been evacuated.',
  '"We will protect our citizens at any cost," the minister told reporters.',
  'The opposition criticised the plan and called for a debate in parliament.',
  'Prices of food and fuel have risen sharply in the past two weeks.',
]

export const TR = [
  'Hükümet pazartesi günü sınır bölgesine 1.500 asker gönderileceğini açıkladı.',
  "Başbakan Ahmet Yılmaz, kararın Ankara'da yapılan bir toplantının ardından alındığını söyledi.",
  'Yetkililere göre, sınıra yakın köylerin yaklaşık %70\'i boşaltıldı.',
  'Bakan gazetecilere, "Vatandaşlarımızı ne pahasına olursa olsun koruyacağız" dedi.',
  'Muhalefet planı eleştirdi ve mecliste bir tartışma yapılması çağrısında bulundu.',
  'Gıda ve yakıt fiyatları son iki haftada keskin bir şekilde yükseldi.',
]

export const AR = [
  'أعلنت الحكومة يوم الاثنين أنه سيتم إرسال ١٬٥٠٠ جندي إلى المنطقة الحدودية.',
  'وقال رئيس الوزراء أحمد يلماز إن القرار اتخذ بعد اجتماع في أنقرة.',
  'وبحسب مسؤولين، تم إخلاء نحو ٧٠٪ من القرى القريبة من الحدود.',
  'وقال الوزير للصحفيين: "سنحمي مواطنينا مهما كان الثمن".',
  'وانتقدت المعارضة الخطة ودعت إلى نقاش في البرلمان.',
  'وارتفعت أسعار الغذاء والوقود بشكل حاد خلال الأسبوعين الماضيين.',
]
