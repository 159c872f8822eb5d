"""Writer personas of the second blind set: id -> (language, archetype, who, how they write).

Archetypes (each used in several languages):
  ops        logistics or purchasing person ordering for a small company
  dictated   an elderly relative dictating to a grandchild, who types (and comments)
  phone      a student on a phone: autocorrect slips, no capitals, missing accents
  signature  pastes a whole e-mail signature block with several contact details
  reseller   resells marketplace goods, writes about several orders at once
  expat      writes in a second language, with a learner's mistakes
  gift       sends presents to family in other countries, several addresses
"""

PERSONAS = {
    # ar
    "ar-ops-hala-jeddah": ("ar", "ops", "purchasing officer of a dental clinic in Jeddah", "formal MSA, numbered lists, clinic letterhead"),
    "ar-dictated-abu-karim-amman": ("ar", "dictated", "grandfather in Amman, his granddaughter types", "Levantine, 'جدي بقول', asides in brackets"),
    "ar-phone-yassine-rabat": ("ar", "phone", "engineering student in Rabat", "Darija mixed with French words, Latin-script fragments, typos"),
    "ar-gift-reem-kuwait": ("ar", "gift", "teacher in Kuwait sending gifts to sisters in Egypt and Germany", "warm Gulf Arabic, emoji"),
    # de
    "de-signature-kerstin-bremen": ("de", "signature", "office manager of a tax-advisor firm in Bremen", "short mails, full signature block"),
    "de-dictated-opa-heinz-kassel": ("de", "dictated", "grandfather in Kassel, grandson Jonas types", "'Opa sagt…', grandson's comments"),
    "de-reseller-timo-graz": ("de", "reseller", "sells refurbished phone cases in Graz", "Austrian German, order lists, 'Servus'"),
    "de-phone-lea-zuerich": ("de", "phone", "student in Zürich on a phone", "Swiss spelling (ss), lowercase, autocorrect slips"),
    # en
    "en-reseller-marcus-manchester": ("en", "reseller", "eBay reseller of trainers in Manchester", "many orders per mail, shorthand"),
    "en-phone-kayla-toronto": ("en", "phone", "nursing student in Toronto", "autocorrect slips, 'lol', no punctuation"),
    "en-signature-deepa-singapore": ("en", "signature", "admin executive in Singapore", "Singapore English, full signature"),
    "en-ops-brad-phoenix": ("en", "ops", "warehouse lead for a pool-supply store in Phoenix", "bullet points, all business"),
    # es
    "es-ops-rocio-monterrey": ("es", "ops", "logistics coordinator of a bakery chain in Monterrey", "formal Mexican Spanish, lists"),
    "es-dictated-abuela-pilar-zaragoza": ("es", "dictated", "grandmother in Zaragoza, grandson Hugo types", "'mi abuela dice', old-fashioned courtesy"),
    "es-phone-nico-buenosaires": ("es", "phone", "student in Buenos Aires", "voseo, no accents, autocorrect slips"),
    # fr
    "fr-signature-aurelie-nantes": ("fr", "signature", "assistant at an architects' office in Nantes", "polite, full signature"),
    "fr-gift-fatou-dakar": ("fr", "gift", "pharmacist in Dakar sending gifts to family in France and Belgium", "Senegalese French, warm"),
    "fr-reseller-loic-liege": ("fr", "reseller", "resells board games in Liège", "Belgian French, several orders"),
    "fr-dictated-papi-rene-rennes": ("fr", "dictated", "grandfather in Rennes, granddaughter Manon types", "'mon grand-père dit', asides"),
    # it
    "it-dictated-nonno-vito-bari": ("it", "dictated", "grandfather in Bari, grandson Luca types", "'mio nonno dice', dialect words"),
    "it-ops-federica-verona": ("it", "ops", "purchasing at a small winery in Verona", "formal, lists"),
    "it-phone-matteo-cagliari": ("it", "phone", "student in Cagliari", "no accents, autocorrect slips"),
    # ja
    "ja-signature-morita-yokohama": ("ja", "signature", "general-affairs clerk at a small firm in Yokohama", "business keigo, full signature"),
    "ja-dictated-sobo-kanazawa": ("ja", "dictated", "grandmother in Kanazawa, grandson types", "'祖母が…と言っています', polite"),
    "ja-reseller-hayashi-sapporo": ("ja", "reseller", "resells camping gear in Sapporo", "plain polite style, order lists"),
    # ko
    "ko-ops-choi-suwon": ("ko", "ops", "purchasing manager of a small cosmetics maker in Suwon", "formal 합니다 style"),
    "ko-phone-seoyeon-daejeon": ("ko", "phone", "university student in Daejeon", "chat style, typos, no spacing"),
    "ko-gift-lee-jeju": ("ko", "gift", "café owner in Jeju sending gifts to relatives abroad", "polite 해요 style"),
    # nl
    "nl-reseller-bram-eindhoven": ("nl", "reseller", "resells bike parts in Eindhoven", "terse, order lists"),
    "nl-dictated-opa-leuven": ("nl", "dictated", "grandfather in Leuven, granddaughter types", "Flemish, 'mijn opa zegt'"),
    "nl-signature-fleur-haarlem": ("nl", "signature", "office manager of a dental practice in Haarlem", "polite, signature block"),
    # pl
    "pl-ops-tomasz-katowice": ("pl", "ops", "logistics at a small tool wholesaler in Katowice", "formal, lists"),
    "pl-expat-olena-warszawa": ("pl", "expat", "Ukrainian nurse living in Warsaw", "Polish with learner's mistakes"),
    "pl-phone-zuzia-lublin": ("pl", "phone", "student in Lublin", "no diacritics, autocorrect slips"),
    # pt
    "pt-reseller-leandro-fortaleza": ("pt", "reseller", "resells phone accessories in Fortaleza", "Brazilian, 'mano', several orders"),
    "pt-dictated-avo-fernanda-braga": ("pt", "dictated", "grandmother in Braga, grandson types", "European Portuguese, 'a minha avó diz'"),
    "pt-signature-renata-campinas": ("pt", "signature", "secretary of a law office in Campinas", "formal Brazilian, signature block"),
    # ru
    "ru-ops-sergey-kazan": ("ru", "ops", "supply manager (снабженец) of a small print shop in Kazan", "business Russian, lists"),
    "ru-dictated-baba-valya-samara": ("ru", "dictated", "grandmother in Samara, grandson types", "'бабушка говорит', warm"),
    "ru-phone-kostya-minsk": ("ru", "phone", "student in Minsk", "slang, no capitals, typos"),
    "ru-expat-dilnoza-tashkent": ("ru", "expat", "Uzbek accountant in Tashkent writing in Russian", "careful Russian, small mistakes"),
    # tr
    "tr-reseller-burak-gaziantep": ("tr", "reseller", "resells kitchenware in Gaziantep", "colloquial, several orders"),
    "tr-dictated-dede-hasan-konya": ("tr", "dictated", "grandfather in Konya, granddaughter types", "'dedem diyor ki', respectful"),
    "tr-signature-elif-izmit": ("tr", "signature", "accountant at a logistics firm in İzmit", "formal, signature block"),
    # zh
    "zh-ops-huang-dongguan": ("zh", "ops", "purchasing at a small factory in Dongguan", "terse Simplified Chinese, lists"),
    "zh-gift-lin-vancouver": ("zh", "gift", "Taiwanese emigrant in Vancouver sending gifts to parents", "Traditional Chinese, warm"),
    "zh-phone-xiaotong-wuhan": ("zh", "phone", "student in Wuhan", "pinyin-IME slips, internet slang"),
    "zh-dictated-yeye-tianjin": ("zh", "dictated", "grandfather in Tianjin, grandson types", "'我爷爷说', spoken style"),
}
