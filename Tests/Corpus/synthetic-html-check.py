#!/usr/bin/env python3
"""Measure HTML article extraction on pages built from real articles.

Takes SaudiNewsNet records and renders each into one of three page layouts
found on Arabic news sites: a WordPress-style theme (semantic tags, related
posts, comments, sidebar widgets), a div-based layout without semantic tags
(paragraphs split by <br>, a "most read" column with teasers) and an old
table layout. Teasers and related links carry other articles' headlines.

Reports title accuracy, bodies keeping >= 95% of the article's words, and
pages whose body shows another article's headline. From the repository root:
  python3 Tests/Corpus/synthetic-html-check.py --marsad .build/release/marsad [--pages 300] [--seed 11] [-v]
With SYNTHETIC_HTML_KEEP=DIR in the environment the pages are kept in DIR.
"""
import html
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import day_records, kept_share, leaked_headlines, loose, process_pages, synthetic_arguments  # noqa: E402

E = html.escape


def links(titles, cls=''):
    return ''.join(f'<li class="{cls}"><a href="/n/{i}">{E(t)}</a></li>' for i, t in enumerate(titles))


def wordpress(record, paragraphs, others, rng):
    body = []
    for index, paragraph in enumerate(paragraphs):
        body.append(f'<p>{E(paragraph)}</p>')
        if index == 1 and rng.random() < 0.5:
            body.append(f'<p><strong>اقرأ أيضا:</strong> <a href="/x">{E(others[0])}</a></p>')
    return f'''<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{E(record["title"])} - صحيفة المثال</title><meta property="og:site_name" content="صحيفة المثال">
<script>window.ads = [];</script></head><body class="post-template-default single">
<header class="site-header"><div class="logo">صحيفة المثال</div><nav><ul>{links(["الرئيسية", "محليات", "رياضة", "اقتصاد"])}</ul></nav>
<div class="news-ticker"><span>عاجل</span> {E(" ... ".join(others[1:5]))}</div></header>
<div class="container"><main class="content"><article class="post">
<h1 class="entry-title">{E(record["title"])}</h1>
<div class="entry-meta"><span class="author vcard">{E(record.get("author") or "المحرر")}</span> <time class="published" datetime="2015-08-11T10:00:00+03:00">11 أغسطس 2015</time></div>
<div class="entry-content">{"".join(body)}</div>
<div class="post-tags">الوسوم: <a href="/t">السعودية</a> <a href="/t2">أخبار</a></div>
<div class="share-box"><a href="#">فيسبوك</a> <a href="#">تويتر</a></div>
</article>
<div class="related-posts"><h3>مقالات ذات صلة</h3><ul>{links(others[5:9])}</ul></div>
<div id="comments"><h3>اترك تعليقاً</h3><p>لن يتم نشر عنوان بريدك الإلكتروني.</p><form><textarea></textarea></form></div>
</main><aside class="sidebar"><div class="widget"><h3>الأكثر قراءة</h3><ul>{links(others[9:14])}</ul></div></aside></div>
<footer><p>جميع الحقوق محفوظة © 2015 صحيفة المثال</p></footer></body></html>'''


def divsoup(record, paragraphs, others, rng):
    teasers = ''.join(f'<div class="item"><a href="/m/{i}">{E(t)}</a><p>{E(t)}، في تقرير مطول يتناول تفاصيل الحدث وتداعياته على المنطقة.</p></div>'
                      for i, t in enumerate(others[9:13]))
    return f'''<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{E(record["title"])}</title></head>
<body><div id="top"><div id="menu">{" ".join(f'<a href="/c{i}">{c}</a>' for i, c in enumerate(["أخبار", "رياضة", "فن", "مقالات"]))}</div></div>
<div class="wrap"><div class="col-8"><div class="breadcrumbs"><a href="/">الرئيسية</a> &raquo; <a href="/n">أخبار</a></div>
<h2 class="news-title">{E(record["title"])}</h2><span class="date">الثلاثاء 11 أغسطس 2015</span>
<div class="news-text">{"<br><br>".join(E(p) for p in paragraphs)}</div>
<div class="more-news"><b>أخبار ذات صلة</b><br>{"<br>".join(f'<a href="/r{i}">{E(t)}</a>' for i, t in enumerate(others[5:9]))}</div></div>
<div class="col-4"><div class="box"><b>الأكثر قراءة</b>{teasers}</div></div></div>
<div class="bottom">Copyright 2015 - جميع الحقوق محفوظة</div></body></html>'''


def tables(record, paragraphs, others, rng):
    return f'''<html><head><title>{E(record["title"])}</title></head><body><table width="100%"><tr>
<td width="20%" valign="top">{"<br>".join(f'<a href="/o{i}">{E(t)}</a>' for i, t in enumerate(others[1:8]))}</td>
<td valign="top"><font size="5"><b>{E(record["title"])}</b></font><br><br>
{"".join(f"<p>{E(p)}</p>" for p in paragraphs)}</td></tr>
<tr><td colspan="2"><center>{" | ".join(["الرئيسية", "من نحن", "اتصل بنا"])}</center></td></tr></table></body></html>'''


def main():
    args = synthetic_arguments(__doc__, seed=11)
    records = day_records(args.corpus, -2)
    if records is None:
        return 0
    rng = random.Random(args.seed)
    usable = [r for r in records if r['title'].strip() and '&#' not in r['title'] and '&#' not in r['content']
              and len(r['content'].split()) >= 60]
    chosen = rng.sample(usable, min(args.pages, len(usable)))
    titles = [r['title'].strip() for r in usable]
    layouts = [wordpress, divsoup, tables]
    per_layout = {f.__name__: [0, 0, 0, 0] for f in layouts}
    pages, files = [], []
    for index, record in enumerate(chosen):
        others = [t for t in rng.sample(titles, 20) if t != record['title'].strip()][:14]
        paragraphs = [p.strip() for p in record['content'].split('\n') if p.strip()]
        layout = layouts[index % len(layouts)]
        name = f'page{index:04d}.html'
        pages.append((name, layout(record, paragraphs, others, rng)))
        files.append((name, record, others, layout.__name__))
    results = process_pages(args.marsad, pages, 'html-check-', 'SYNTHETIC_HTML_KEEP')
    for name, record, others, layout in files:
        row = results.get(name) or {}
        t_ok = loose(row.get('title')) == loose(record['title'])
        share = kept_share(record['content'], row.get('body') or '')
        leaks = leaked_headlines(others, record['content'], row.get('body'))
        counts = per_layout[layout]
        counts[0] += 1
        counts[1] += t_ok
        counts[2] += share >= 0.95
        counts[3] += bool(leaks)
        if args.verbose and (not t_ok or share < 0.95 or leaks):
            print(f'  {name} ({layout}): title {"ok" if t_ok else repr(row.get("title"))}, '
                  f'words kept {share:.3f}, leaked {leaks[:2]}')
    for layout, (n, t, b, leak) in per_layout.items():
        print(f'{layout:10} pages {n}, titles {t}/{n}, bodies keeping >= 95% {b}/{n}, pages with leaked headlines {leak}/{n}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
