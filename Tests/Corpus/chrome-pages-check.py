#!/usr/bin/env python3
"""Score titles and bodies of plain-text pages whose chrome sits right against the article.

Real SaudiNewsNet articles (title and text from 14 newspapers) are wrapped in
synthetic site chrome of the kinds that fool a reader going by position:
rows of share-button labels and relative timestamps ("منذ 3 ساعات", "2 hours
ago") directly above or below the headline, breadcrumbs, category labels,
bylines, tickers of other headlines, "read also" links, related lists, author
boxes, comment forms and footers, in Arabic and English. Each page draws its
own pieces, wording and order (seeded), so no one site is imitated.

Scores: title accuracy (loose comparison), and body precision, recall and F1
over word occurrences (the article's words found in the body, against all
words of the body). Run from the repository root:
  python3 Tests/Corpus/chrome-pages-check.py --marsad .build/release/marsad [--pages 300] [--seed 23] [-v]
With CHROME_PAGES_KEEP=DIR in the environment the pages are kept in DIR.
The last line is the headline figure.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import check_generated_pages  # noqa: E402

NETWORKS_AR = ['فيسبوك', 'تويتر', 'واتساب', 'تيليجرام', 'لينكدإن', 'البريد الإلكتروني', 'طباعة', 'نسخ الرابط', 'ماسنجر']
NETWORKS_EN = ['Facebook', 'Twitter', 'WhatsApp', 'Telegram', 'LinkedIn', 'Email', 'Print', 'Pinterest', 'Reddit', 'Copy link']
SHARE_LEADS = ['', 'مشاركة', 'شارك', 'شارك الخبر', 'Share', 'Share this:', 'شارك على']
AGO_AR = ['منذ {n} ساعات', 'منذ {n} دقيقة', 'قبل {n} ساعات', 'منذ ساعتين', 'منذ يومين', 'قبل ساعة', 'منذ {n} أيام', 'آخر تحديث: منذ {n} دقائق']
AGO_EN = ['{n} hours ago', '{n} minutes ago', 'Updated {n} hours ago', 'an hour ago', 'Yesterday at 10:{n}0', '{n} days ago']
CRUMBS = ['الرئيسية > أخبار > محليات', 'الرئيسية » سياسة » عربي ودولي', 'Home > News > Middle East', 'الرئيسية / اقتصاد / أسواق',
          'أخبار | محليات | المنطقة الشرقية']
CATEGORIES = ['محليات', 'اقتصاد', 'رياضة', 'عربي ودولي', 'World', 'Politics', 'الشأن الخليجي', 'تقارير', 'منوعات']
BYLINES = ['بقلم: {a}', 'كتب: {a}', 'By {a}', '{a}', 'إعداد: {a}']
READ_ALSO = ['اقرأ أيضا: {t}', 'اقرأ أيضاً | {t}', 'Read more: {t}', 'شاهد أيضا: {t}', 'طالع أيضا: {t}']
RELATED = ['أخبار ذات صلة', 'مقالات ذات صلة', 'الأكثر قراءة', 'Related stories', 'More from this section', 'قد يعجبك أيضا']
AUTHOR_BOX = ['عن الكاتب', 'About the author', 'نبذة عن الكاتب']
COMMENTS = [['اترك تعليقاً', 'لن يتم نشر عنوان بريدك الإلكتروني.', 'الاسم *', 'البريد الإلكتروني *', 'إرسال التعليق'],
            ['التعليقات (0)', 'أضف تعليقك'], ['Leave a Reply', 'Your email address will not be published. Required fields are marked *', 'Post Comment']]
FOOTERS = ['جميع الحقوق محفوظة © 2015', '© 2015 All rights reserved', 'زر الذهاب إلى الأعلى', 'سياسة الخصوصية | اتصل بنا | من نحن',
           'Privacy Policy | Terms of Use | Contact']
TICKER_LEADS = ['عاجل', 'آخر الأخبار', 'Breaking']


def share_row(rng):
    networks = NETWORKS_AR if rng.random() < 0.6 else NETWORKS_EN
    row = rng.sample(networks, rng.randint(3, 6))
    lead = rng.choice(SHARE_LEADS)
    return ((lead + ' ') if lead else '') + rng.choice([' ', '  ', ' | ', ' · ']).join(row)


def timestamp(rng):
    pattern = rng.choice(AGO_AR if rng.random() < 0.7 else AGO_EN)
    return pattern.format(n=rng.randint(2, 9))


def build_page(record, others, rng):
    """The page's lines, with the title's position in them."""
    lines = []
    if rng.random() < 0.5:
        lines.append(rng.choice(FOOTERS[3:]))  # top menu
    if rng.random() < 0.4:
        lines.append(rng.choice(TICKER_LEADS) + ': ' + ' ... '.join(rng.sample(others, 3)))
    if rng.random() < 0.5:
        lines.append(rng.choice(CRUMBS))
    if rng.random() < 0.5:
        lines.append(rng.choice(CATEGORIES))
    # Chrome right above the title, in random order.
    above = []
    if rng.random() < 0.35:
        above.append(share_row(rng))
    if rng.random() < 0.35:
        above.append(timestamp(rng))
    rng.shuffle(above)
    lines += above
    lines.append(record['title'].strip())
    # And right below it, where the positional reading looks for the title's neighbours.
    below = []
    if rng.random() < 0.5:
        below.append(rng.choice(BYLINES).format(a=(record.get('author') or '').strip() or 'محرر الموقع'))
    if rng.random() < 0.6:
        below.append(timestamp(rng))
    if rng.random() < 0.6:
        below.append(share_row(rng))
    rng.shuffle(below)
    lines += below
    paragraphs = [p.strip() for p in record['content'].split('\n') if p.strip()]
    for index, paragraph in enumerate(paragraphs):
        lines.append(paragraph)
        if index < len(paragraphs) - 1 and rng.random() < 0.15:
            lines.append(rng.choice(READ_ALSO).format(t=rng.choice(others)))
    if rng.random() < 0.5:
        lines.append(share_row(rng))
    if rng.random() < 0.3:
        lines.append(rng.choice(AUTHOR_BOX))
        lines.append((record.get('author') or '').strip() or 'محرر الموقع')
        lines.append('صحفي مهتم بالشأن المحلي والاقتصادي، يكتب في الصحيفة منذ عام 2010.')
    if rng.random() < 0.6:
        lines.append(rng.choice(RELATED))
        for other in rng.sample(others, rng.randint(3, 5)):
            lines.append(other)
            if rng.random() < 0.5:
                lines.append(timestamp(rng))
    if rng.random() < 0.5:
        lines += rng.choice(COMMENTS)
    if rng.random() < 0.6:
        lines.append(rng.choice(FOOTERS))
    return ('\n\n' if rng.random() < 0.5 else '\n').join(lines)


def main():
    return check_generated_pages(__doc__, 23, 0, build_page, 'chrome pages', 'chrome-pages-', 'CHROME_PAGES_KEEP')


if __name__ == '__main__':
    sys.exit(main())
