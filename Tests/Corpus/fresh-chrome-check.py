#!/usr/bin/env python3
"""Score titles and bodies of plain-text pages in a fourth kind of chrome, in-sample now.

This check was written after the rules the three older page checks guided
and was held out of the work on them, but its failures then guided title
rules (a comment count under the headline, icon and hashtag rows, counters passed over by position, a long headline under a line the text does not retell), so its figures are in-sample now; the held-out
figure is novel-chrome-check.py's. Its chrome (menu and search buttons with icons,
sign-in rows, live and breaking labels with a clock, hashtag rows, video
teasers, image notes, comment and like counts, listen and print buttons,
previous and next article links, polls, sponsored labels, a date bar with the
Hijri date, a copyright line naming the paper) is worded and arranged
otherwise than theirs, around SaudiNewsNet articles of a day none of them
draws (the sixth day file).

Run from the repository root:
  python3 Tests/Corpus/fresh-chrome-check.py --marsad .build/release/marsad [--pages 300] [--seed 61] [-v]
With FRESH_CHROME_KEEP=DIR in the environment the pages are kept in DIR.
The last line is the headline figure.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import check_generated_pages  # noqa: E402

TOP_BAR = ['☰ القائمة   🔍 بحث', 'الرئيسية  |  🔍', 'السبت، {d} أغسطس 2015 | {h} شوال 1436', 'الجمعة {d}/08/2015',
           'تسجيل الدخول | إنشاء حساب', 'Sign in  ·  Register', 'دخول الأعضاء']
LIVE = ['مباشر', 'LIVE', 'عاجل | 10:{n}5', 'الآن', 'Breaking | 09:{n}0']
HASHTAGS = ['#السعودية #الرياض #{w}', '#{w} #أخبار', '#عاجل #{w} #الخليج']
WORDS = ['الاقتصاد', 'التعليم', 'الصحة', 'النفط', 'الرياضة', 'جدة', 'مكة']
VIDEO = ['▶ شاهد: {t}', 'فيديو | {t}', '🎥 {t}']
IMAGE_NOTES = ['صورة تعبيرية', 'أرشيفية - رويترز', 'الصورة من المصدر', 'Image: AFP']
COMMENTS_COUNT = ['💬 {n} تعليقات', '{n} تعليق', 'التعليقات ({n})', '{n} comments']
LIKES = ['👍 أعجبني ({n}4)', 'إعجاب {n}', '♥ {n}2']
LISTEN = ['🔊 استمع إلى المقال', 'استمع للخبر', 'نسخة للطباعة', 'تحميل PDF', '🖨 طباعة الخبر']
NEIGHBOURS = ['الخبر السابق: {t}', 'الخبر التالي: {t}', '« السابق: {t}', 'التالي » {t}']
POLL = ['استطلاع رأي: هل تؤيد القرار؟', 'نعم | لا | لا أدري', 'صوّت الآن']
SPONSORED = ['محتوى مدفوع', 'إعلان ممول', 'Sponsored', 'برعاية']
COPYRIGHT = ['© جميع الحقوق محفوظة لصحيفة الخليج اليوم 2015', '© 2015 الخليج اليوم', 'الخليج اليوم © 2015 - تصميم وتطوير']


def fill(pattern, rng, others):
    return pattern.format(n=rng.randint(2, 9), d=rng.randint(1, 28), h=rng.randint(10, 29), w=rng.choice(WORDS),
                          t=rng.choice(others))


def build_page(record, others, rng):
    """The page's lines: the chrome above, the headline, the paragraphs with a teaser or two, the chrome after."""
    lines = [fill(rng.choice(TOP_BAR), rng, others) for _ in range(rng.randint(1, 3))]
    if rng.random() < 0.3:
        lines.append(fill(rng.choice(VIDEO), rng, others))
    if rng.random() < 0.35:
        lines.append(fill(rng.choice(LIVE), rng, others))
    head = [record['title'].strip()]
    for kind, chance in ((IMAGE_NOTES, 0.3), (COMMENTS_COUNT, 0.3), (LISTEN, 0.3), (LIKES, 0.2), (HASHTAGS, 0.2)):
        if rng.random() < chance:
            head.append(fill(rng.choice(kind), rng, others))
    if rng.random() < 0.3:
        head.insert(0, fill(rng.choice(HASHTAGS + LIVE), rng, others))
    lines += head
    paragraphs = [p.strip() for p in record['content'].split('\n') if p.strip()]
    for index, paragraph in enumerate(paragraphs):
        lines.append(paragraph)
        if index < len(paragraphs) - 1 and rng.random() < 0.1:
            lines.append(fill(rng.choice(VIDEO + SPONSORED + IMAGE_NOTES), rng, others))
    tail = []
    for kind, chance in ((HASHTAGS, 0.4), (LIKES, 0.3), (COMMENTS_COUNT, 0.3), (LISTEN, 0.2), (SPONSORED, 0.2)):
        if rng.random() < chance:
            tail.append(fill(rng.choice(kind), rng, others))
    if rng.random() < 0.5:
        tail += [fill(pattern, rng, others) for pattern in rng.sample(NEIGHBOURS, 2)]
    if rng.random() < 0.25:
        tail += POLL
    rng.shuffle(tail)
    lines += tail
    if rng.random() < 0.6:
        lines.append(rng.choice(COPYRIGHT))
    return ('\n\n' if rng.random() < 0.4 else '\n').join(lines)


def main():
    return check_generated_pages(__doc__, 61, 5, build_page, 'fresh chrome pages', 'fresh-chrome-', 'FRESH_CHROME_KEEP')


if __name__ == '__main__':
    sys.exit(main())
