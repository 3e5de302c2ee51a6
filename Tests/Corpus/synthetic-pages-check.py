#!/usr/bin/env python3
"""Measure plain-text page extraction on pages built from real articles.

Takes SaudiNewsNet records (real titles and texts from 14 newspapers) and
wraps each in site chrome of varied shapes, the way scraped pages look:
a menu, a glued ticker of other headlines, category and date lines, a byline,
"read also" links and share lines between paragraphs, an attribution, a tag
line, a related-articles list, a comment form and a copyright footer. Which
pieces appear, and their wording, is drawn at random (seeded), so the pages
are not shaped like any one site.

Reports: title accuracy, share of pages whose body keeps >= 95% of the
article's words, and chrome leakage (other articles' headlines found in the
body). Run from the repository root:
  python3 Tests/Corpus/synthetic-pages-check.py --marsad .build/release/marsad [--pages 300] [--seed 7]
With SYNTHETIC_PAGES_KEEP=DIR in the environment the pages are kept in DIR.
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import day_records, kept_share, leaked_headlines, loose, process_pages, synthetic_arguments  # noqa: E402

MENUS = ['الرئيسية | أخبار محلية | عربي ودولي | اقتصاد | رياضة | منوعات', 'الرئيسية\nسياسة\nاقتصاد\nرياضة\nثقافة\nاتصل بنا',
         'Home | News | Sport', 'أخبار  مقالات  فيديو  صور  اتصل بنا']
CATEGORIES = ['محليات', 'سياسة', 'اقتصاد', 'رياضة', 'عربي ودولي', 'منوعات', 'الشأن الخليجي']
READ_ALSO = ['اقرأ أيضا: {}', 'اقرأ أيضاً:{}', 'اقرأ ايضا - {}', 'شاهد أيضا: {}', 'Read also: {}']
SHARE = ['شارك', 'شارك الخبر', 'فيسبوك تويتر واتساب', 'تابعونا على تويتر', 'طباعة']
RELATED = ['مقالات ذات صلة', 'أخبار ذات صلة', 'الأكثر قراءة', 'قد يعجبك أيضا', 'Related articles']
COMMENTS = [['اترك تعليقاً', 'لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *', 'الاسم', 'البريد الإلكتروني'],
            ['التعليقات', 'أضف تعليق'], ['Leave a comment', 'Your email address will not be published.']]
FOOTERS = ['جميع الحقوق محفوظة © 2015', 'زر الذهاب إلى الأعلى', 'Back to top button', 'كل الحقوق محفوظة لـ الموقع 2015']
DAYS = ['الثلاثاء 21 يوليو 2015', '21 تموز 2015', '2015-07-21', 'نشر في: 21/07/2015 - 10:30']


def build_page(record, others, rng):
    lines = []
    if rng.random() < 0.6:
        lines += rng.choice(MENUS).split('\n')
    if rng.random() < 0.5:
        lines.append(''.join(rng.sample(others, 6)))  # a ticker: headlines glued together
    if rng.random() < 0.6:
        lines.append(rng.choice(CATEGORIES))
    lines.append(record['title'])
    if rng.random() < 0.5:
        lines.append(rng.choice(['كتب: ', 'بقلم ', '']) + (record.get('author') or 'محرر الموقع'))
    if rng.random() < 0.5:
        lines.append(rng.choice(DAYS))
    if rng.random() < 0.3:
        lines.append(rng.choice(SHARE))
    paragraphs = [p.strip() for p in record['content'].split('\n') if p.strip()]
    for index, paragraph in enumerate(paragraphs):
        lines.append(paragraph)
        if index < len(paragraphs) - 1 and rng.random() < 0.25:
            lines.append(rng.choice(READ_ALSO).format(rng.choice(others)))
    if rng.random() < 0.4:
        lines.append(rng.choice(['المصدر: واس', 'المصدر: وكالات', 'المصدر: (رويترز)']))
    if rng.random() < 0.4:
        lines.append(rng.choice(SHARE))
    if rng.random() < 0.7:
        lines.append(rng.choice(RELATED))
        lines += rng.sample(others, rng.randint(3, 6))
    if rng.random() < 0.5:
        lines += rng.choice(COMMENTS)
    if rng.random() < 0.6:
        lines.append(rng.choice(FOOTERS))
    return ('\n\n' if rng.random() < 0.6 else '\n').join(lines)


def main():
    args = synthetic_arguments(__doc__, seed=7)
    records = day_records(args.corpus, -1)
    if records is None:
        return 0
    rng = random.Random(args.seed)
    usable = [r for r in records if r['title'].strip() and '&#' not in r['title']
              and len(r['content'].split()) >= 60 and '\n' in r['content'].strip()]
    chosen = rng.sample(usable, min(args.pages, len(usable)))
    titles = [r['title'].strip() for r in usable]
    pages, files = [], []
    for index, record in enumerate(chosen):
        others = [t for t in rng.sample(titles, 40) if t != record['title'].strip()][:30]
        name = f'page{index:04d}.txt'
        pages.append((name, build_page(record, others, rng)))
        files.append((name, record, others))
    results = process_pages(args.marsad, pages, 'pages-check-', 'SYNTHETIC_PAGES_KEEP')
    title_ok = body_ok = leaked_pages = 0
    for name, record, others in files:
        row = results.get(name) or {}
        t_ok = loose(row.get('title')) == loose(record['title'])
        share = kept_share(record['content'], row.get('body') or '')
        leaks = leaked_headlines(others, record['content'], row.get('body'))
        title_ok += t_ok
        body_ok += share >= 0.95
        leaked_pages += bool(leaks)
        if args.verbose and (not t_ok or share < 0.95 or leaks):
            print(f'  {name}: title {"ok" if t_ok else repr(row.get("title"))}, '
                  f'words kept {share:.3f}, leaked {leaks[:2]}')
    n = len(files)
    print(f'synthetic pages: {n}, titles {title_ok}/{n} ({100 * title_ok / n:.1f}%), bodies keeping >= 95% '
          f'{body_ok}/{n} ({100 * body_ok / n:.1f}%), pages with leaked headlines {leaked_pages}/{n}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
