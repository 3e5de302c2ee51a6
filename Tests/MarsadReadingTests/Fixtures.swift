import Foundation
@testable import MarsadReading

/// Article text and page shapes for the tests, written here so the tests
/// need nothing outside the package.
enum Fixtures {
    static let title = "وزارة الصحة تفتتح مستشفى جديدا في القيروان"
    static let paragraphs = [
        "أعلنت وزارة الصحة، اليوم الثلاثاء، عن افتتاح مستشفى جديد في مدينة القيروان يضم مئة سرير ويخدم سكان الولاية والولايات المجاورة.",
        "وقال وزير الصحة في تصريح صحفي إن المستشفى سيبدأ استقبال المرضى مطلع الشهر المقبل، مشيرا إلى أن كلفته بلغت 1.5 مليون دينار.",
        "وأضاف أن المشروع يندرج ضمن خطة وطنية لتحسين الخدمات الصحية في المناطق الداخلية، وأن مستشفيات أخرى ستفتح أبوابها قبل نهاية العام.",
        "من جهتهم، عبّر سكان المدينة عن ارتياحهم لهذه الخطوة التي طال انتظارها، مطالبين بتوفير عدد كاف من الأطباء المختصين.",
    ]
    static let intertitle = "خطة وطنية"

    static let sentence = "أعلنت وزارة الصحة، اليوم الثلاثاء، عن افتتاح مستشفى جديد في مدينة القيروان يضم مئة سرير."
    /// `sentence` converted with `iconv -f UTF-8 -t CP1256`.
    static let sentenceWindows1256 = Array(Data(base64Encoded: "w9rh5Mog5tLH0ckgx+HVzcmhIMfh7ebjIMfhy+HHy8fBoSDa5CDH3crKx80g49PK1N3sIMzP7c8g3e0g48/t5Mkgx+He7dHmx+Qg7dbjIOPGySDT0e3RLg==")!)
    /// `sentence` converted with `iconv -f UTF-8 -t ISO-8859-6`.
    static let sentenceISO8859_6 = Array(Data(base64Encoded: "w9nk5sog6NLH0ckgx+TVzcmsIMfk6ujlIMfky+THy8fBrCDZ5iDH4crKx80g5dPK1OHpIMzP6s8g4eog5c/q5skgx+Ti6tHox+Yg6tblIOXGySDT0erRLg==")!)

    /// A whole page saved as text, shaped like the scraped pages users drop:
    /// a glued ticker, a category label, the title, a byline, the article with
    /// an intertitle and "read also" links, the attribution, an author box,
    /// related articles and a comment form.
    static var plainTextPage: String {
        let ticker = "ارتفاع أسعار النفط في الأسواق العالمية!البنك المركزي يرفع نسبة الفائدةمنتخب تونس يتأهل إلى نهائي البطولة؟الحكومة تعلن عن إجراءات جديدة لدعم الفلاحينانطلاق موسم جني الزيتون في صفاقسأمطار غزيرة متوقعة نهاية الأسبوع في الشمال الغربيوزير الخارجية يلتقي نظيره الجزائري"
        return [
            ticker, "",
            "مجتمع", "",
            title, "",
            "بقلم: سامي الحاج", "",
            "الثلاثاء 12 تشرين الثاني 2024", "",
            paragraphs[0], "",
            paragraphs[1], "",
            "اقرأ أيضا: الحكومة تعلن عن إجراءات جديدة لدعم الفلاحين في الشمال", "",
            intertitle, "",
            paragraphs[2], "",
            "منتخب تونس يتأهل إلى نهائي البطولة بعد فوز مثير على منافسه", "",
            paragraphs[3], "",
            "المصدر: وكالة تونس إفريقيا للأنباء", "",
            "مقالات ذات صلة", "",
            "انطلاق موسم جني الزيتون في صفاقس", "",
            "اترك تعليقاً", "",
            "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", "",
            "جميع الحقوق محفوظة © 2024 صوت القيروان", "",
            "زر الذهاب إلى الأعلى",
        ].joined(separator: "\n")
    }

    static func htmlPage(charset: String = "utf-8", jsonLD: Bool = true) -> String {
        let article = """
        <article class="post-article">
          <header class="entry-header">
            <span class="category"><a href="/society">مجتمع</a></span>
            <h1 class="entry-title">\(title)</h1>
            <div class="post-meta"><span class="author-name">بقلم: سامي الحاج</span>
              <time datetime="2024-11-12T09:30:00+01:00">12 نوفمبر 2024</time></div>
          </header>
          <div class="share-buttons"><a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
          <div class="entry-content" itemprop="articleBody">
            <p>\(paragraphs[0])</p>
            <p>\(paragraphs[1]) <a href="/x">التفاصيل</a></p>
            <p><strong>اقرأ أيضا:</strong> <a href="/y">الحكومة تعلن عن إجراءات جديدة لدعم الفلاحين</a></p>
            <h2>\(intertitle)</h2>
            <p>\(paragraphs[2])</p>
            <div class="related-posts"><h3>أخبار ذات صلة</h3><ul>
              <li><a href="/1">انطلاق موسم جني الزيتون في صفاقس</a></li>
              <li><a href="/2">أمطار غزيرة متوقعة نهاية الأسبوع</a></li></ul></div>
            <p>\(paragraphs[3])</p>
            <p>المصدر: وكالة تونس إفريقيا للأنباء</p>
          </div>
          <div class="tags-list"><a href="/t/1">الصحة</a> <a href="/t/2">القيروان</a></div>
        </article>
        """
        let ld = jsonLD ? """
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
          "headline":"\(title)","datePublished":"2024-11-12T09:30:00+01:00",
          "author":{"@type":"Person","name":"سامي الحاج"},
          "publisher":{"@type":"Organization","name":"صوت القيروان"}}</script>
        """ : ""
        return """
        <!DOCTYPE html>
        <html lang="ar" dir="rtl">
        <head>
          <meta charset="\(charset)">
          <title>\(title) - صوت القيروان</title>
          <meta property="og:title" content="\(title)">
          <meta property="og:site_name" content="صوت القيروان">
          <meta property="article:published_time" content="2024-11-12T09:30:00+01:00">
          <link rel="canonical" href="https://example.tn/news/hospital-kairouan">
          \(ld)
          <style>.x { color: red }</style>
          <script>var tracking = "لا يجب أن يظهر هذا النص";</script>
        </head>
        <body class="single single-post">
          <header id="masthead"><div class="logo">صوت القيروان</div>
            <nav class="main-menu"><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li>
            <li><a href="/sport">رياضة</a></li></ul></nav>
            <div class="breaking-ticker">عاجل: البنك المركزي يرفع نسبة الفائدة إلى مستوى قياسي جديد هذا الأسبوع، في خطوة فاجأت الأسواق والمستثمرين.</div>
          </header>
          <div class="breadcrumb"><a href="/">الرئيسية</a> » <a href="/society">مجتمع</a></div>
          <main id="main">
            \(article)
            <section id="comments" class="comments-area">
              <h3>اترك تعليقاً</h3>
              <p>لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *</p>
              <div class="comment-body"><p>تعليق طويل من قارئ يقول إن المستشفى خطوة جيدة، لكنه يتساءل عن موعد توفير الأطباء، وعن ميزانية التسيير السنوية، وعن النقل.</p></div>
              <form><textarea></textarea><button>أرسل</button></form>
            </section>
          </main>
          <aside class="sidebar"><div class="widget most-read"><h3>الأكثر قراءة</h3>
            <p>نص جانبي طويل عن مباراة كرة القدم الأخيرة، وقد فاز الفريق المحلي بثلاثة أهداف مقابل هدف واحد، وسط حضور جماهيري كبير.</p></div></aside>
          <footer class="site-footer"><p>جميع الحقوق محفوظة © 2024 صوت القيروان</p></footer>
          <!-- تعليق في الشيفرة لا يظهر -->
        </body>
        </html>
        """
    }

    static func utf16(_ text: String, bigEndian: Bool, byteOrderMark: Bool) -> [UInt8] {
        var bytes: [UInt8] = byteOrderMark ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let high = UInt8(unit >> 8)
            let low = UInt8(unit & 0xFF)
            bytes.append(contentsOf: bigEndian ? [high, low] : [low, high])
        }
        return bytes
    }
}
