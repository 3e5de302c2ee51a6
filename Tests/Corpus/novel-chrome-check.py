#!/usr/bin/env python3
"""Score titles and bodies of plain-text pages in chrome none of the other page checks draws.

The four other page checks (chrome-pages, synthetic-pages, other-chrome,
fresh-chrome) all guided the reader's title rules, so their figures are
in-sample. This one was written before the rules of its round, and its failing
pages were never read, but the same engineer then wrote those rules knowing its
chrome kinds (share lines that repeat the headline, 'updated at' times, weather
widgets with a degree sign), and the rules answer some of them: its figure is
partly in-sample. A held-out figure needs a new check, written before the rules
it measures by someone other than their author.

Its chrome is of kinds and wording the others do not use: skip-to-content and
accessibility controls (contrast, night mode, text size), language switchers
and menus in English and French, breadcrumb trails with '>', '/' or '›' that
end in the section or the headline itself, weather and stock-market widgets
with emoji and arrows, the next prayer with a countdown, app-download bars,
notification prompts, numbered 'most read' lists, tag clouds without a label,
author cards (name, job title, follower count, handle), 'updated at' lines in
Arabic and French, quoted-source lines ('نقلاً عن ...'), emoji-led teasers,
Latin-script lines between Arabic ones, share lines that repeat the headline,
and right-to-left marks around some lines. It also arranges them otherwise:
chrome between the headline and the text, the headline right after a
breadcrumb, a dateline kicker above the headline. The articles are those of a
SaudiNewsNet day no other check draws (the fourteenth day file, 2015-08-07).

Run from the repository root:
  python3 Tests/Corpus/novel-chrome-check.py --marsad .build/release/marsad [--pages 300] [--seed 71] [-v]
With NOVEL_CHROME_KEEP=DIR in the environment the pages are kept in DIR.
The last line is the headline figure.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import check_generated_pages  # noqa: E402

RLM = '\u200f'
ACCESS = ['تخطَّ إلى المحتوى الرئيسي', 'Skip to main content', '🌙 الوضع الليلي', 'تباين عالٍ ◐', 'Aa  تكبير النص  تصغير النص',
          'إمكانية الوصول ♿']
LANGUAGES = ['English | Français | عربي', 'EN · FR · ع', 'النسخة الإنجليزية English Edition', 'Version française']
MENUS = ['Accueil  Politique  Économie  Sport  Culture', 'الرئيسية · Videos · Podcasts · ملفات خاصة · Opinion',
         'Home / World / Gulf / Business / Lifestyle', 'أخبار ▾   رأي ▾   منوعات ▾   المزيد ▾']
WEATHER = ['☀️ الرياض 44°', 'جدة ⛅ 36°م  |  الدمام 🌫 41°م', 'العظمى 46 / الصغرى 31 — مكة المكرمة', '🌡 Jeddah 36°']
STOCKS = ['المؤشر العام ▼ 1.{n}% | سابك 87.50 | الراجحي 61.25', 'برنت 49.{n}2$ 🔻', 'USD/SAR 3.7502 · EUR/SAR 4.1{n}',
          'تاسي: 8{n}12.3 نقطة ▲']
PRAYER = ['🕌 الصلاة القادمة: العصر بعد 1:{n}5', 'المغرب في الرياض 6:4{n} م', 'الأذان القادم: العشاء — 01:1{n}:30']
APP_BAR = ['📱 حمّل التطبيق مجاناً', 'افتح في التطبيق ›', 'Download our app — iOS / Android', 'تطبيقنا الجديد متاح الآن على متجر أبل']
NOTIFY = ['🔔 فعّل الإشعارات ليصلك كل جديد', 'هل تريد تلقي التنبيهات؟ لاحقاً | سماح', 'Activer les notifications']
SECTIONS = ['المحليات', 'الاقتصاد', 'الرياضة', 'الثقافة والفنون', 'العالم', 'منوعات', 'Monde', 'Économie', 'تقارير وتحقيقات']
CRUMBS = ['أنت هنا: الرئيسية > {s}', 'الرئيسية / {s} / الخبر', '🏠 › {s}', 'Accueil > {s} > Article', 'الصفحة الرئيسية ← {s}',
          'الرئيسية > {s} > {title}']
KICKERS = ['الرياض – «الخليج اليوم»', 'جدة - خاص', 'مكة المكرمة:', 'متابعات', 'Exclusif', 'تقرير خاص 📝']
UPDATED = ['حُدّث في 10:{n}5 بتوقيت مكة المكرمة', 'Mis à jour le {d}/08/2015 à 1{n}h20', 'آخر تعديل {d}.08.2015 ◷ 0{n}:40',
           'Updated: Aug {d}, 2015 {n}:15 GMT', 'أُضيف في {d} أغسطس ٢٠١٥']
JOBS = ['محرر أول في القسم الاقتصادي', 'مراسل الصحيفة في المنطقة الشرقية', 'كاتب ومحلل سياسي', 'Senior Correspondent',
        'رئيس قسم التحقيقات']
NAMES = ['عبدالرحمن المطيري', 'هند الدوسري', 'ماجد الغامدي', 'Yasmine Haddad', 'تركي العنزي', 'لمى الحربي']
FOLLOWERS = ['👥 {n}.{d}K متابع', '{n}{d}٬٣٠٠ متابع', '{n}.{d}k followers', 'يتابعه {n}{d} ألف']
HANDLES = ['@{h}', 'تابِع @{h}', 'Follow @{h}', '✉ {h}@example.org']
HANDLE_WORDS = ['majed_ghamdi', 'hind.d', 'turki_news', 'yhaddad', 'lama_h']
SHARE_TITLE = ['غرّد: {title}', '{title} — عبر @{h}', 'Partager : {title}', 'شارك «{title}» مع أصدقائك', '✉ أرسل: {title}']
SOURCES = ['نقلاً عن صحيفة {p}', 'عن موقع {p} الإلكتروني', 'Source : {p}', 'بالتعاون مع {p}']
PAPERS = ['الرياض', 'الجزيرة', 'المدينة', 'عكاظ', 'اليوم', 'الوطن', 'الاقتصادية', 'الشرق الأوسط']
TEASERS = ['📌 {t}', '⚡ {t}', '🔴 {t}', '👈 {t}', '▪️ {t}']
MOST_READ_HEADS = ['الأكثر زيارة اليوم', 'الأخبار الأكثر تفاعلاً', 'Les plus lus', '🔥 الأكثر رواجاً']
NUMBERING = ['{i}. {t}', '{i}- {t}', '{i}) {t}', '#{i} {t}', '٠{i} {t}']
CLOUD = ['السعودية', 'نيوم', 'رؤية 2030', 'الحج', 'أرامكو', 'الدوري', 'التعليم', 'الصحة', 'الرياض', 'جدة', 'كورونا', 'البورصة']
LATIN = ['Publicité', 'ADVERTISEMENT', 'Powered by WordPress', 'Photo © SPA', 'Saudi Gazette', 'All content © 2015']
FOOTERS = ['للتواصل: info@khaleej-today.example · هاتف 011 4{n}{n}0 000', 'شروط الاستخدام ⁄ الخصوصية ⁄ أعلن معنا',
           'Mentions légales · Contact · Plan du site', 'صُمّم بحب ❤ في الرياض']


def fill(pattern, rng, others, title=''):
    return pattern.format(n=rng.randint(2, 9), d=rng.randint(1, 9), s=rng.choice(SECTIONS), t=rng.choice(others),
                          title=title, h=rng.choice(HANDLE_WORDS), p=rng.choice(PAPERS))


def maybe_marked(line, rng):
    """Some sites wrap lines in right-to-left marks; readers do not see them."""
    return RLM + line + RLM if rng.random() < 0.15 else line


def author_card(rng):
    card = [rng.choice(NAMES)]
    if rng.random() < 0.7:
        card.append(rng.choice(JOBS))
    if rng.random() < 0.6:
        card.append(rng.choice(FOLLOWERS).format(n=rng.randint(1, 9), d=rng.randint(1, 9)))
    if rng.random() < 0.4:
        card.append(rng.choice(HANDLES).format(h=rng.choice(HANDLE_WORDS)))
    return card


def most_read(rng, others):
    lines = [rng.choice(MOST_READ_HEADS)]
    numbering = rng.choice(NUMBERING)
    for index, other in enumerate(rng.sample(others, rng.randint(3, 5)), start=1):
        lines.append(numbering.format(i=index, t=other))
    return lines


def build_page(record, others, rng):
    """The page's lines: top widgets, a breadcrumb, the headline with chrome
    around and below it, the paragraphs with teasers, the chrome after."""
    title = record['title'].strip()
    top = []
    for kind, chance in ((ACCESS, 0.35), (LANGUAGES, 0.3), (MENUS, 0.4), (WEATHER, 0.3), (STOCKS, 0.3), (PRAYER, 0.2),
                         (APP_BAR, 0.25), (NOTIFY, 0.2)):
        if rng.random() < chance:
            top.append(fill(rng.choice(kind), rng, others))
    rng.shuffle(top)
    if rng.random() < 0.2:
        top += most_read(rng, others)
    lines = [maybe_marked(line, rng) for line in top]
    if rng.random() < 0.55:
        lines.append(maybe_marked(fill(rng.choice(CRUMBS), rng, others, title), rng))
    if rng.random() < 0.25:
        lines.append(rng.choice(KICKERS))
    lines.append(maybe_marked(title, rng) if rng.random() < 0.3 else title)
    between = []
    if rng.random() < 0.35:
        between += author_card(rng)
    for kind, chance in ((UPDATED, 0.45), (SHARE_TITLE, 0.25), (APP_BAR, 0.1), (STOCKS, 0.1), (LATIN, 0.15)):
        if rng.random() < chance:
            between.append(fill(rng.choice(kind), rng, others, title))
    rng.shuffle(between)
    lines += [maybe_marked(line, rng) for line in between]
    paragraphs = [p.strip() for p in record['content'].split('\n') if p.strip()]
    for index, paragraph in enumerate(paragraphs):
        lines.append(paragraph)
        if index < len(paragraphs) - 1 and rng.random() < 0.12:
            lines.append(fill(rng.choice(TEASERS + LATIN[:2]), rng, others))
    tail = []
    for kind, chance in ((SOURCES, 0.35), (UPDATED, 0.2), (SHARE_TITLE, 0.2), (NOTIFY, 0.15), (APP_BAR, 0.15)):
        if rng.random() < chance:
            tail.append(fill(rng.choice(kind), rng, others, title))
    if rng.random() < 0.4:
        tail.append(rng.choice(['  ', ' • ', ' ، ', ' # ']).join(rng.sample(CLOUD, rng.randint(4, 7))))
    rng.shuffle(tail)
    if rng.random() < 0.25:
        tail = author_card(rng) + tail
    if rng.random() < 0.45:
        tail += most_read(rng, others)
    if rng.random() < 0.5:
        tail.append(fill(rng.choice(FOOTERS + LATIN[2:]), rng, others))
    lines += [maybe_marked(line, rng) for line in tail]
    return ('\n\n' if rng.random() < 0.45 else '\n').join(lines)


def main():
    return check_generated_pages(__doc__, 71, 13, build_page, 'novel chrome pages', 'novel-chrome-', 'NOVEL_CHROME_KEEP')


if __name__ == '__main__':
    sys.exit(main())
