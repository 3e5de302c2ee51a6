#!/usr/bin/env python3
"""Score titles and bodies of plain-text pages in chrome written blind: a held-out check.

Each page wraps one SaudiNewsNet article (day file at position 11 in date order, a day no
other page generator draws; the SaudiNewsNet check reads every day's records bare) in the
chrome of one of twelve kinds of source the other checks were not written from: a Gulf
regional paper, a Levant portal, a Maghreb site with French menus, a Syrian opposition
outlet, a Syrian government outlet, a forum thread that reposts the news, a blog that
reposts it, a Telegram channel dumped as text, an aggregator list around a reader view, a
newspaper page turned from PDF into text (running heads, page numbers, hard-wrapped columns,
a neighbouring piece), a page saved from a phone (status bar, "open in app", a cookie wall,
a bottom bar), and the Arabic edition of an English-language site about the region (English
menus and upper-case kickers).

The structure varies too: the title after long menus, after a dateline, twice (in the
header and above the body), in quotes, with a wire suffix ("- رويترز") or a site suffix,
split over two lines in a PDF headline, under a kicker, over a deck longer than itself
(the article's first sentence, which then is not repeated in the body); blocks with or
without blank lines, CRLF line ends, leading spaces and tabs. The expected title is always
the record's title and the expected body its content.

Written blind: without reading the reading rules, the other generators' chrome or the
project's notes about them, so its first figures are held out (not tuned on).

First figures, one run per binary (300 pages, seed 83; `blind-chrome-check.py --marsad BINARY`):
    main at f5a1cb2:
        blind chrome pages: 300, titles 179/300 (59.7%), body F1 0.954 (P 0.992 R 0.919)
    the title fixes' branch at b40b17d (its binary says 5c1c2c1, with uncommitted changes):
        blind chrome pages: 300, titles 182/300 (60.7%), body F1 0.955 (P 0.992 R 0.920)
Of the 118 titles missed in the second run, 81 are the title with what the page wrapped it in
(quotes, a wire or site suffix, an emoji or a "الموضوع:" label kept), 26 a line of a PDF page's
wrapped column, 11 another chrome or body line.

The fixes that followed were guided by those failures (wrapping left out of the title but for
quotes, which real headlines keep; share rows in French, reading times and cookie banners as
chrome; a lead above the byline and date passed over; hard-wrapped columns joined into
paragraphs), so its figures since are in-sample, one run per seed:
    seed 83: blind chrome pages: 300, titles 237/300 (79.0%), body F1 0.981 (P 0.995 R 0.967)
    seed 7:  blind chrome pages: 300, titles 220/300 (73.3%), body F1 0.982 (P 0.993 R 0.972)
(before wrapped runs were cut where a narrower column's paragraph ends over a wider column,
a rule written from this check's page0049: 234/300, body F1 0.974, and 219/300, 0.976)
(seed 7 before them: titles 160/300 (53.3%), body F1 0.952). Another seed draws a fresh sample
of the same chrome, not new chrome: neither is a held-out figure.

Quotes around a whole title line were later left out of the title too (one pair, with any
quotes inside pairing up among themselves: a whole headline is one quotation in 31 of 31,030
SaudiNewsNet titles), with labels before a bar, counters in words and run-on tag lists:
    seed 83: blind chrome pages: 300, titles 281/300 (93.7%), body F1 0.981 (P 0.995 R 0.967)
    seed 7:  blind chrome pages: 300, titles 268/300 (89.3%), body F1 0.982 (P 0.993 R 0.972)
Most misses left are lines of a PDF page's wrapped column (a headline split over two lines, a
column cut by a running head) taken for the title.

The ANT corpus is not drawn: the shared helpers read SaudiNewsNet day files only.
Set BLIND_CHROME_KEEP to a folder to keep the generated pages.
"""
import re
import sys

from common import check_generated_pages

ARABIC_MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر',
                 'أكتوبر', 'نوفمبر', 'ديسمبر']
LEVANT_MONTHS = ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول',
                 'تشرين الأول', 'تشرين الثاني', 'كانون الأول']
FRENCH_MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre',
                 'octobre', 'novembre', 'décembre']
ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
                  'October', 'November', 'December']
WEEKDAYS = ['الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'الأحد']
CITIES = ['الرياض', 'جدة', 'الدمام', 'دبي', 'الكويت', 'الدوحة', 'المنامة', 'مسقط', 'عمّان', 'بيروت', 'دمشق',
          'حلب', 'إدلب', 'الرباط', 'الجزائر', 'تونس', 'القاهرة']
WIRES = ['رويترز', 'فرانس برس', 'الأناضول', 'د ب أ', 'وكالات', 'سبوتنيك', 'واس', 'كونا', 'وام']


def date_parts(record, rng):
    """Day, month (1-12), year, hour, minute of the record's extraction time, or made up."""
    match = re.match(r'(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)', record.get('date_extracted') or '')
    if match:
        year, month, day, hour, minute = (int(g) for g in match.groups())
        return day, month, year, hour, minute
    return rng.randint(1, 28), rng.randint(1, 12), 2015, rng.randint(0, 23), rng.randint(0, 59)


def paragraphs(record):
    return [p.strip() for p in record['content'].splitlines() if p.strip()]


def split_deck(paras, title):
    """The first sentence of the first long paragraph as a deck longer than the title, and
    the paragraphs without it; (None, paras) where no such sentence exists."""
    for index, para in enumerate(paras[:3]):
        if len(para.split()) < 12:
            continue
        match = re.match(r'(.+?[.!؟?])\s+(\S.*)$', para)
        if not match:
            return None, paras
        deck, rest = match.group(1), match.group(2)
        if len(deck.split()) <= len(title.split()) + 2 or len(deck.split()) > 45:
            return None, paras
        return deck, paras[:index] + [rest] + paras[index + 1:]
    return None, paras


def title_form(title, rng, site):
    """The title as the page shows it above the body."""
    roll = rng.random()
    if roll < 0.10:
        return f'«{title}»'
    if roll < 0.16:
        return f'"{title}"'
    if roll < 0.26:
        return f'{title} - {rng.choice(WIRES)}'
    if roll < 0.33:
        return f'{title} | {site}'
    return title


def menu(items, rng, per_line=None):
    chosen = items[:]
    if per_line is None:
        per_line = rng.choice([1, 1, 3, len(chosen)])
    separator = rng.choice([' | ', '  ', ' - ', ' • ', '\t'])
    return [separator.join(chosen[i:i + per_line]) for i in range(0, len(chosen), per_line)]


def related(heading, others, rng, count=None, suffix=None):
    count = count or rng.randint(3, 6)
    lines = [heading]
    for title in others[:count]:
        lines.append(title + (suffix(rng) if suffix else ''))
    return lines


# --- the kinds of page -------------------------------------------------------------------

def gulf_paper(record, others, rng, t):
    day, month, year, hour, minute = t['date']
    site = rng.choice(['صحيفة الوطن الخليجية', 'جريدة الرؤية', 'صحيفة الشرق المحلية', 'الأنباء الكويتية اليوم', 'صحيفة مكة الإلكترونية'])
    head = [site, f'{rng.choice(WEEKDAYS)} {day} {ARABIC_MONTHS[month - 1]} {year} م - {rng.randint(1, 29)} شوال 1436 هـ',
            f'مواقيت الصلاة: الفجر 04:{rng.randint(10, 40)} الظهر 12:{rng.randint(10, 25)} العصر 03:{rng.randint(30, 50)} المغرب 06:{rng.randint(40, 59)} العشاء 08:{rng.randint(10, 25)}',
            f'الطقس: {rng.choice(CITIES[:8])} {rng.randint(33, 47)}° مشمس جزئياً',
            f'الدولار {rng.uniform(3.6, 3.8):.4f} ريال | اليورو {rng.uniform(4.0, 4.2):.4f} ريال | الذهب عيار 21: {rng.randint(120, 140)} ريال']
    head += menu(['الرئيسية', 'محليات', 'الخليج', 'عربي ودولي', 'اقتصاد', 'رياضة', 'ثقافة وفنون', 'مجتمع', 'كتّاب وآراء',
                  'الحوادث', 'تقارير', 'حوارات', 'الكاريكاتير', 'عدد اليوم PDF', 'الأرشيف', 'اتصل بنا'], rng)
    head += ['عاجل', rng.choice(others)]
    head += [f'الرئيسية » {rng.choice(["محليات", "عربي ودولي", "اقتصاد"])}']
    art = [t['title']]
    if t['deck']:
        art.append(t['deck'])
    art += [f'{rng.choice(CITIES[:8])} - {rng.choice(["محرر الشؤون المحلية", "خاص", "واس"])}',
            f'نشر في: {day:02d}/{month:02d}/{year} - {hour:02d}:{minute:02d}', 'حجم الخط: أ+ أ-', 'طباعة  إرسال  حفظ']
    art += t['body']
    tail = ['كلمات دالة: ' + '، '.join(rng.sample(['السعودية', 'الخليج', 'أمطار', 'اقتصاد', 'مجلس الوزراء', 'الصحة'], 3))]
    tail += related('اقرأ أيضاً', others[1:], rng)
    tail += ['الأكثر قراءة'] + [f'{i}. {o}' for i, o in enumerate(others[7:11], 1)]
    tail += ['جميع الحقوق محفوظة © ' + site + f' {year}', 'سياسة الخصوصية | شروط الاستخدام | أعلن معنا']
    return head, art, tail


def levant_portal(record, others, rng, t):
    day, month, year, hour, minute = t['date']
    site = rng.choice(['بوابة الشام نيوز', 'موقع لبنان الآن', 'الأردن 24 ساعة', 'نبض عمّان', 'القدس الإخبارية المحلية'])
    head = [site, f'{hour:02d}:{minute:02d} | {rng.choice(WEEKDAYS)} {day} {LEVANT_MONTHS[month - 1]} {year}',
            'سعر صرف الدولار في السوق السوداء: ' + f'{rng.randint(1500, 1520)} ليرة']
    head += menu(['الرئيسية', 'لبنان', 'سوريا', 'فلسطين', 'الأردن', 'عربي ودولي', 'أمن وقضاء', 'اقتصاد', 'منوعات', 'صحة',
                  'تكنولوجيا', 'فيديو', 'صور', 'كاريكاتير'], rng)
    head += ['آخر الأخبار'] + [f'{(hour - i) % 24:02d}:{rng.randint(0, 59):02d} {o}' for i, o in enumerate(others[:4])]
    art = []
    if rng.random() < 0.5:
        art.append(rng.choice(['خاص', 'أخبار محلية', 'سياسة', 'تقارير']))
    art.append(t['title'])
    if t['deck']:
        art.append(t['deck'])
    art += [f'{site} - {day} {LEVANT_MONTHS[month - 1]} {year}', 'شارك: فيسبوك تويتر واتساب تيليغرام']
    body = t['body'][:]
    if len(body) > 4:
        body.insert(len(body) // 2, 'اقرأ أيضاً: ' + others[5])
    art += body
    tail = ['تابعونا على فيسبوك وتويتر', 'المقال يعبر عن رأي كاتبه ولا يعبر بالضرورة عن رأي الموقع']
    tail += related('أخبار ذات صلة', others[6:], rng)
    tail += [f'© {year} {site}. جميع الحقوق محفوظة', 'من نحن | اتصل بنا | أعلن لدينا']
    return head, art, tail


def maghreb_site(record, others, rng, t):
    day, month, year, hour, minute = t['date']
    site = rng.choice(['Hespress عربي', 'الشروق أونلاين', 'Le360 عربية', 'Alyaoum24', 'الصباح نيوز', 'TSA عربي'])
    head = [site, f'{day} {FRENCH_MONTHS[month - 1]} {year}', 'Accueil | Actualités | Politique | Économie | Sport | Culture | Régions | Vidéos',
            'FR | AR | EN', 'الرئيسية | وطنية | جهات | مجتمع | اقتصاد | دولية | رياضة | فن وثقافة | كُتّاب وآراء',
            'À la une', others[0], others[1], 'Flash info: ' + others[2]]
    if rng.random() < 0.5:
        head += ['Ce site utilise des cookies pour améliorer votre expérience. En poursuivant votre navigation, vous acceptez leur utilisation.',
                 "J'accepte  En savoir plus"]
    art = [rng.choice(['وطنية', 'دولية', 'مجتمع', 'Politique'])]
    art.append(t['title'])
    if t['deck']:
        art.append(t['deck'])
    art += [f'Publié le {day:02d}/{month:02d}/{year} à {hour:02d}h{minute:02d}',
            rng.choice(['Par la rédaction', 'هسبريس - الرباط', 'Par Karim B.', 'و.م.ع']),
            'Partager sur Facebook  Partager sur Twitter  WhatsApp']
    art += t['body']
    tail = ['Lire aussi', *others[3:6], 'Commentaires (12)', 'أضف تعليقك', 'Les plus lus', *others[6:9],
            f'© {year} {site} - Tous droits réservés', 'Mentions légales | Contact | Publicité']
    return head, art, tail


def syrian_opposition(record, others, rng, t):
    day, month, year, hour, minute = t['date']
    site = rng.choice(['شبكة شام الإخبارية', 'أورينت نت', 'زمان الوصل', 'عنب بلدي', 'المرصد الحر', 'سمارت نيوز'])
    head = [site, 'الثورة السورية - العام الخامس', f'{rng.choice(WEEKDAYS)}، {day} {ARABIC_MONTHS[month - 1]} {year}']
    head += menu(['الرئيسية', 'أخبار سوريا', 'المناطق المحررة', 'ريف دمشق', 'حلب', 'إدلب', 'درعا', 'حمص', 'دير الزور',
                  'اللاجئون', 'تقارير خاصة', 'انتهاكات النظام', 'مقالات رأي', 'فيديو', 'إنفوغراف', 'من نحن'], rng)
    head += ['شريط الأخبار', *[f'◄ {o}' for o in others[:3]]]
    art = []
    if rng.random() < 0.4:
        art.append(f'{rng.choice(CITIES[10:13])} - مراسل {site.split()[-1]}')
    art.append(t['title'])
    if t['deck']:
        art.append(t['deck'])
    art += [f'{day:02d}/{month:02d}/{year} {hour:02d}:{minute:02d}', rng.choice(['خاص', 'مراسلنا', 'فريق التحرير'])]
    art += t['body']
    tail = ['#سوريا #الثورة_السورية #حلب', 'تابعونا على التلغرام', 'مواضيع ذات صلة', *others[3:7],
            f'جميع الحقوق محفوظة لـ {site} © {year}']
    return head, art, tail


def syrian_government(record, others, rng, t):
    day, month, year, hour, minute = t['date']
    site = rng.choice(['سانا', 'صحيفة تشرين', 'صحيفة الثورة', 'الوطن أون لاين', 'دمشق الآن'])
    head = [f'الجمهورية العربية السورية - {site}', f'{rng.choice(WEEKDAYS)} {day} {LEVANT_MONTHS[month - 1]} {year}']
    head += menu(['الصفحة الرئيسية', 'سياسة', 'محلي', 'اقتصاد', 'ثقافة', 'رياضة', 'صحة', 'علوم وتكنولوجيا', 'مراسيم وقوانين',
                  'الجيش والقوات المسلحة', 'سوريا والعالم', 'أرشيف', 'English', 'Français', 'Español'], rng)
    head += ['آخر الأخبار', *others[:3]]
    art = []
    dateline = f'{rng.choice(["دمشق", "حلب", "حمص", "اللاذقية"])}-{site}'
    if rng.random() < 0.5:
        art += [dateline, t['title']]
    else:
        art += [t['title'], dateline]
    if t['deck']:
        art.insert(art.index(t['title']) + 1, t['deck'])
    art += t['body']
    art += [rng.choice(['تابعوا آخر الأخبار عبر تطبيق تلغرام على الهواتف الذكية عبر الرابط:', 'تابعونا عبر فيسبوك']),
            f'https://t.me/{rng.choice(["SyrianArabNewsAgency", "tishreen_news", "damascusnow"])}']
    tail = ['أخبار متعلقة', *others[3:7], f'{year} © جميع الحقوق محفوظة']
    return head, art, tail


def forum_thread(record, others, rng, t):
    day, month, year, hour, minute = t['date']
    site = rng.choice(['منتديات ستار تايمز', 'منتدى أبناء الخليج', 'منتديات عالم حواء العامة', 'شبكة الساحات', 'منتديات الشام للحوار'])
    user = rng.choice(['ابو فهد', 'عاشق الوطن', 'الحر 2010', 'نسمة شمال', 'SyrianEagle'])
    head = [site, 'الرئيسية التسجيل التعليمات قائمة الأعضاء التقويم البحث مشاركات اليوم اجعل كافة الأقسام مقروءة',
            f'{site} > الأقسام العامة > الأخبار والأحداث الجارية',
            'اسم العضو  حفظ البيانات؟', 'كلمة المرور  تسجيل الدخول',
            f'الموضوع: {t["plain_title"]}' if rng.random() < 0.6 else t['plain_title'],
            'أدوات الموضوع  انواع عرض الموضوع', f'#1  {day:02d}-{month:02d}-{year}, {hour % 12 or 12:02d}:{minute:02d} {"PM" if hour >= 12 else "AM"}',
            user, rng.choice(['عضو مميز', 'عضو نشيط', 'مشرف سابق']), f'تاريخ التسجيل: {rng.choice(ARABIC_MONTHS)} 2009',
            f'المشاركات: {rng.randint(100, 9000):,}']
    art = [t['title']]
    if t['deck']:
        art.append(t['deck'])
    art += t['body']
    art += [f'المصدر: {record.get("source") or "صحيفة"}', rng.choice(['منقول للفائدة', 'منقول', 'ما رأيكم؟'])]
    tail = [f'التعديل الأخير تم بواسطة {user} ; {day:02d}-{month:02d}-{year} الساعة {hour:02d}:{minute:02d}', 'رد مع اقتباس',
            f'#2  {day:02d}-{month:02d}-{year}', rng.choice(['ابو سلطان', 'قلم حر']), 'الله يستر، شكراً على النقل', 'رد مع اقتباس',
            'مواضيع مشابهة', *[f'{o}  {rng.choice(["الأخبار والأحداث الجارية", "المنتدى العام"])}  {rng.randint(1, 40)}' for o in others[:4]],
            f'الساعة الآن {rng.randint(1, 12):02d}:{rng.randint(0, 59):02d} PM.',
            'Powered by vBulletin® Version 3.8.11 Copyright ©2000 - 2015, vBulletin Solutions, Inc.']
    return head, art, tail


def blog_repost(record, others, rng, t):
    day, month, year, hour, minute = t['date']
    site = rng.choice(['مدونة أخبار الوطن العربي', 'مدونة صدى الأحداث', 'نبض الخليج - مدونة', 'مدونة الحدث السوري'])
    head = [site, rng.choice(['كل ما يهمك من أخبار في مكان واحد', 'أخبار عاجلة على مدار الساعة']), 'الصفحة الرئيسية', 'من أنا', 'اتصل بي',
            f'{rng.choice(WEEKDAYS)}، {day} {ARABIC_MONTHS[month - 1]}، {year}']
    art = [t['title']]
    if t['deck']:
        art.append(t['deck'])
    art += t['body']
    art.append(f'نقلاً عن: {record.get("source") or "صحيفة"}')
    tail = [f'{rng.choice(["أخبار", "admin", "محرر المدونة"])} في {hour % 12 or 12}:{minute:02d} {"م" if hour >= 12 else "ص"}',
            'إرسال بالبريد الإلكتروني', 'كتابة مدونة حول هذه المشاركة', 'المشاركة على Twitter', 'المشاركة في Facebook',
            f'التصنيفات: {rng.choice(["أخبار عربية", "السعودية", "سوريا"])}', 'ليست هناك تعليقات:', 'إرسال تعليق',
            'رسالة أحدث رسالة أقدم الصفحة الرئيسية', 'الاشتراك في: تعليقات الرسالة (Atom)', 'المشاركات الشائعة', *others[:4],
            'أرشيف المدونة', f'▼  {year} ({rng.randint(300, 900)})', f'►  {year - 1} ({rng.randint(300, 900)})',
            'يتم التشغيل بواسطة Blogger.']
    return head, art, tail


def telegram_dump(record, others, rng, t):
    day, month, year, hour, minute = t['date']
    channel = rng.choice(['أخبار سوريا العاجلة', 'شبكة الخليج الإخبارية', 'عاجل الآن', 'قناة الحدث 24'])
    head = [channel, f'{rng.randint(12, 480)}K subscribers' if rng.random() < 0.5 else f'{rng.randint(12, 480)} ألف مشترك',
            f'{ENGLISH_MONTHS[month - 1]} {day}', others[0], f'👁 {rng.randint(2, 90)}.{rng.randint(1, 9)}K  {hour:02d}:{max(minute - 7, 0):02d}']
    if rng.random() < 0.5:
        head.append(f'Forwarded from {rng.choice(["عاجل سوريا", "وكالة الأنباء", "الميادين"])}')
    mark = rng.choice(['', '', '🔴 ', '📌 ', '⚡️ '])
    art = [mark + t['title']]
    if t['deck']:
        art.append(t['deck'])
    art += t['body']
    art += [f'#{rng.choice(["عاجل", "سوريا", "السعودية", "الخليج"])} #{rng.choice(["أخبار", "متابعة"])}',
            f'📲 تابعونا: t.me/{rng.choice(["akhbar_now", "gulf_news24", "syria_breaking"])}']
    tail = [f'👁 {rng.randint(2, 90)}.{rng.randint(1, 9)}K  edited  {hour:02d}:{minute:02d}', others[1],
            f'👁 {rng.randint(2, 90)}K  {hour:02d}:{min(minute + 4, 59):02d}', rng.choice(['📢 انضم إلينا', 'شارك القناة مع أصدقائك']),
            others[2], f'👁 {rng.randint(2, 90)}K  {hour:02d}:{min(minute + 9, 59):02d}']
    return head, art, tail


def aggregator(record, others, rng, t):
    day, month, year, hour, minute = t['date']
    outlets = ['سبق', 'عاجل', 'الرياض', 'اليوم', 'الحياة', 'الشرق الأوسط', 'سكاي نيوز عربية', 'العربية نت', 'مصراوي']

    def stamp(r):
        return f' · {r.choice(outlets)} · منذ {r.randint(1, 11)} ساعات'
    head = [rng.choice(['أخبار جوجل', 'نبض', 'زاجل نيوز', 'أخبارك.نت']), 'الصفحة الرئيسية  لك  المتابَعة  البحث المحفوظ',
            'أهم الأخبار', 'العالم  محلي  الأعمال  العلوم والتكنولوجيا  الترفيه  الرياضة  الصحة']
    for other in others[:rng.randint(3, 6)]:
        head += [other, stamp(rng).strip(' ·'), 'التغطية الكاملة']
    art = [t['title'], f'{record.get("source") or rng.choice(outlets)} · {hour:02d}:{minute:02d}']
    if t['deck']:
        art.insert(1, t['deck'])
    art += t['body']
    art += [f'قراءة المزيد على موقع {record.get("source") or "المصدر"}', 'عرض التغطية الكاملة']
    tail = ['قصص ذات صلة', *[o + stamp(rng) for o in others[6:10]], 'عرض المزيد', 'المساعدة  إرسال ملاحظات  الخصوصية  البنود']
    return head, art, tail


def wrap(text, rng):
    width = rng.randint(38, 60)
    out, line = [], ''
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f'{line} {word}' if line else word
    if line:
        out.append(line)
    return out


def pdf_page(record, others, rng, t):
    day, month, year, hour, minute = t['date']
    paper = rng.choice(['الرياض', 'عكاظ', 'الجزيرة', 'اليوم', 'الخليج', 'البعث', 'الوطن'])
    page = rng.randint(2, 36)
    running = f'{rng.choice(WEEKDAYS)} {rng.randint(1, 29)} من شوال 1436 هـ {day} {ARABIC_MONTHS[month - 1]} {year} م - العدد {rng.randint(15000, 17500)}'
    section = rng.choice(['محليات', 'الاقتصاد', 'دوليات', 'الرأي', 'متابعات'])
    head = [running, f'{section}  {page}' if rng.random() < 0.5 else section, str(page)]
    head += wrap(others[0], rng) + ['']
    art = []
    if rng.random() < 0.4:
        art.append(rng.choice(['وسط توقعات بتحسن الأداء', 'في خطوة تعد الأولى من نوعها', 'بحضور مسؤولين ومختصين']))
    title = t['title']
    if len(title.split()) >= 6 and rng.random() < 0.35:
        words = title.split()
        cut = len(words) // 2 + rng.choice([-1, 0, 1])
        art += [' '.join(words[:cut]), ' '.join(words[cut:])]
    else:
        art.append(title)
    if t['deck']:
        art += wrap(t['deck'], rng)
    art.append(f'{rng.choice(CITIES[:8])} - {rng.choice(["الرياض", paper, "واس"])}')
    body = []
    for para in t['body']:
        body += wrap(para, rng)
    if len(body) > 20 and rng.random() < 0.6:
        middle = rng.randint(8, len(body) - 8)
        body[middle:middle] = ['\f' + running, str(page + 1), f'تتمة ص {page}']
    art += body
    tail = [f'التفاصيل ص {rng.randint(2, 36)}', *wrap(others[1], rng), 'إعلان', f'للإعلان اتصل على 920000{rng.randint(100, 999)}',
            running, str(page)]
    return head, art, tail


def phone_page(record, others, rng, t):
    day, month, year, hour, minute = t['date']
    site = rng.choice(['سبق', 'عاجل', 'الخليج أونلاين', 'رؤيا الإخباري', 'هبة بريس', 'عنب بلدي'])
    head = [f'{hour % 12 or 12}:{minute:02d} ▂▄▆ 4G {rng.randint(10, 99)}%', '← رجوع', f'{site}.net', '⋮',
            rng.choice(['فتح في التطبيق', 'Open in app', 'افتح التطبيق']), f'حمّل تطبيق {site} من Google Play و App Store']
    if rng.random() < 0.6:
        head += ['نستخدم ملفات تعريف الارتباط (الكوكيز) لتحسين تجربتك وتقديم إعلانات تناسبك. باستمرارك في التصفح فإنك توافق على ذلك.',
                 'قبول الكل', 'إدارة الخيارات']
    head += ['☰', site, '🔍']
    art = []
    if rng.random() < 0.3:
        art.append(rng.choice(['AMP', 'عاجل', 'حصري']))
    art.append(t['title'])
    if t['deck']:
        art.append(t['deck'])
    art += [f'منذ {rng.randint(2, 11)} ساعات', f'{rng.randint(2, 9)} دقائق قراءة', 'شارك  ♡  🔖']
    art += t['body']
    tail = ['هل أعجبك هذا المقال؟ 👍 👎', 'التعليقات (0)', 'كن أول من يعلق', 'المزيد من ' + site, *others[:3],
            'إعلان', 'Ad', 'الرئيسية   الأقسام   فيديو   حسابي', '▲ للأعلى']
    return head, art, tail


def english_site(record, others, rng, t):
    day, month, year, hour, minute = t['date']
    site = rng.choice(['Middle East Eye', 'The New Arab', 'Gulf Today', 'Syria Direct', 'Levant Times', 'Arab Weekly'])
    head = [site.upper() if rng.random() < 0.5 else site, 'Home | News | Middle East | Gulf | Opinion | Business | Culture | Video | Podcasts',
            'Subscribe  Sign in  Search', 'English | عربي', rng.choice(['BREAKING', 'LIVE', 'TRENDING']) + ': ' + rng.choice(['Syria war', 'Yemen', 'Iran deal', 'Oil prices']),
            'We use cookies to ensure you get the best experience on our website. By continuing, you agree to our Cookie Policy.',
            'ACCEPT', 'MORE OPTIONS']
    art = [rng.choice(['MIDDLE EAST', 'SYRIA', 'GULF', 'NEWS', 'EXCLUSIVE', 'ANALYSIS'])]
    art.append(t['title'])
    if t['deck']:
        art.append(t['deck'])
    art += [f'{rng.choice(["By staff writer", "By " + site + " Arabic desk", "Agencies"])}',
            f'{day} {ENGLISH_MONTHS[month - 1]}, {year} {hour:02d}:{minute:02d} UTC',
            f'Last updated: {day} {ENGLISH_MONTHS[month - 1]} {year}', 'Share  Facebook  Twitter  Email']
    art += t['body']
    tail = ['Topics: Saudi Arabia, Gulf, Syria', 'MOST READ', *others[:4], 'READ MORE', *others[4:6],
            'About us  Contact  Terms and conditions  Privacy policy', f'© {year} {site}. All rights reserved.']
    return head, art, tail


KINDS = [gulf_paper, levant_portal, maghreb_site, syrian_opposition, syrian_government, forum_thread, blog_repost,
         telegram_dump, aggregator, pdf_page, phone_page, english_site]


def build_page(record, others, rng):
    title = record['title'].strip()
    paras = paragraphs(record)
    deck = None
    if rng.random() < 0.3:
        deck, paras = split_deck(paras, title)
    kind = rng.choice(KINDS)
    t = {'date': date_parts(record, rng), 'deck': deck, 'body': paras, 'plain_title': title}
    t['title'] = title if kind in (pdf_page, forum_thread) else title_form(title, rng, rng.choice(['الخليج اليوم', 'شبكة الأخبار', 'Arab News عربي', 'بوابة المغرب']))
    head, art, tail = kind(record, others, rng, t)
    roll = rng.random()
    if roll < 0.15:
        # The title twice: in the page's header (a tab title or a breadcrumb) and above the body.
        head.insert(0, rng.choice([f'{title} | {rng.choice(["الرئيسية", "أخبار", "News"])}', f'الرئيسية > أخبار > {title}', title]))
    elif roll < 0.25 and kind is not pdf_page:
        # A dateline and the date before the title.
        day, month, year = t['date'][:3]
        head.append(f'{rng.choice(CITIES)} - {day} {ARABIC_MONTHS[month - 1]} {year}')
    lines = head + [''] + art + [''] + tail
    if rng.random() < 0.4:
        lines = [line for line in lines if line]
    style = rng.random()
    if style < 0.15:
        lines = [rng.choice([' ', '  ', '\t', '    ']) + line if line else line for line in lines]
    elif style < 0.25:
        lines = [('\t' + line) if line and rng.random() < 0.5 else line for line in lines]
    joiner = '\n\n' if rng.random() < 0.35 else '\n'
    text = joiner.join(lines) + '\n'
    if rng.random() < 0.2:
        text = text.replace('\n', '\r\n')
    return text


def main():
    return check_generated_pages(__doc__, 83, 11, build_page, 'blind chrome pages', 'blind-chrome-', 'BLIND_CHROME_KEEP')


if __name__ == '__main__':
    sys.exit(main())
