"""Shared helpers for the corpus checks: run `marsad process`, compare text loosely."""
import html
import os
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter

DIACRITICS = re.compile('[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]')
# Invisible marks and control characters, which the display form removes too.
INVISIBLE = re.compile('[\u00ad\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f]')
WORD = re.compile(r'[\w\u0600-\u06ff]+')


def loose(text):
    """Comparison form: compatibility-folded, no diacritics or tatweel, letter variants folded, one space."""
    text = unicodedata.normalize('NFKC', html.unescape(text or ''))
    text = INVISIBLE.sub('', DIACRITICS.sub('', text))
    text = re.sub('[إأآٱ]', 'ا', text).replace('ى', 'ي').replace('ة', 'ه').replace('ک', 'ك').replace('ی', 'ي').replace('ھ', 'ه')
    return re.sub(r'\s+', ' ', text).strip()


def words(text):
    return Counter(WORD.findall(loose(text).lower()))


def kept_share(source_text, body):
    """Share of the words of source_text (with multiplicity) found in body."""
    want = words(source_text)
    total = sum(want.values())
    if total == 0:
        return 1.0
    have = words(body)
    return sum(min(count, have[word]) for word, count in want.items()) / total


def run_process(marsad, files):
    """One JSON object per line from `marsad process`, in order."""
    proc = subprocess.run([marsad, 'process', *files], capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(f'marsad process exited {proc.returncode}: {proc.stderr[-2000:]}')
    return [json.loads(line) for line in proc.stdout.splitlines() if line.startswith('{')]


def process_pages(marsad, pages, prefix, keep_variable):
    """Writes the pages, (file name, text) pairs, into a temporary folder, or into
    the folder named by the environment variable keep_variable, runs `marsad
    process` on them 200 at a time, and returns its rows by file name."""
    import tempfile
    with tempfile.TemporaryDirectory(prefix=prefix) as temporary:
        folder = os.environ.get(keep_variable) or temporary
        os.makedirs(folder, exist_ok=True)
        paths = []
        for name, text in pages:
            path = os.path.join(folder, name)
            with open(path, 'w', encoding='utf-8') as handle:
                handle.write(text)
            paths.append(path)
        rows = {}
        for start in range(0, len(paths), 200):
            for row in run_process(marsad, paths[start:start + 200]):
                rows[os.path.basename(row['file'])] = row
        return rows


def leaked_headlines(others, own_text, body):
    """The other articles' headlines (four words or more) that a body shows and its own text does not hold."""
    body, own_text = loose(body), loose(own_text)
    return [o for o in others if len(o.split()) >= 4 and loose(o) in body and loose(o) not in own_text]


def synthetic_arguments(description, seed):
    """The options every synthetic-page check takes."""
    import argparse
    parser = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--marsad', required=True)
    parser.add_argument('--corpus', default=os.path.join('..', 'shared', 'corpora', 'saudinewsnet'))
    parser.add_argument('--pages', type=int, default=300)
    parser.add_argument('--seed', type=int, default=seed)
    parser.add_argument('-v', '--verbose', action='store_true')
    return parser.parse_args()


def day_records(corpus, position):
    """The records of one SaudiNewsNet day file (by position in date order), or None without the corpus."""
    import glob, json, zipfile
    zips = sorted(glob.glob(os.path.join(corpus, '*.zip')))
    if not zips:
        print(f'no SaudiNewsNet zips in {corpus}; skipped')
        return None
    with zipfile.ZipFile(zips[position]) as archive:
        name = next(n for n in archive.namelist() if n.endswith('.json'))
        return json.loads(archive.read(name))


def score_titles_and_bodies(files, results, verbose):
    """Title accuracy (loose comparison) and body precision, recall and F1 over word
    occurrences, for (file name, source record) pairs read into `results`.
    Returns (titles right, pages, precision, recall, F1)."""
    title_ok = kept = extra = wanted = 0
    for name, record in files:
        row = results.get(name) or {}
        ok = loose(row.get('title')) == loose(record['title'])
        title_ok += ok
        want, have = words(record['content']), words(row.get('body') or '')
        common = sum((want & have).values())
        kept += common
        wanted += sum(want.values())
        extra += sum(have.values()) - common
        if verbose and (not ok or common < sum(want.values()) or sum(have.values()) > common):
            print(f'  {name}: title {"ok" if ok else repr(row.get("title"))}, '
                  f'missed {sum(want.values()) - common} words, extra {sum(have.values()) - common}')
    precision = kept / (kept + extra) if kept + extra else 0
    recall = kept / wanted if wanted else 0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    return title_ok, len(files), precision, recall, f1


def check_generated_pages(description, seed, day, build_page, label, prefix, keep_variable):
    """The whole run of a page generator scored by score_titles_and_bodies:
    `build_page(record, other_titles, rng)` wraps each of `--pages` articles
    of one SaudiNewsNet day (by position) in chrome; prints the headline line."""
    import random
    args = synthetic_arguments(description, seed=seed)
    records = day_records(args.corpus, day)
    if records is None:
        return 0
    rng = random.Random(args.seed)
    usable = [r for r in records if r['title'].strip() and '&#' not in r['title'] and len(r['title'].split()) >= 3
              and len(r['content'].split()) >= 60]
    chosen = rng.sample(usable, min(args.pages, len(usable)))
    titles = [r['title'].strip() for r in usable]
    pages, files = [], []
    for index, record in enumerate(chosen):
        others = [t for t in rng.sample(titles, 30) if t != record['title'].strip()][:20]
        name = f'page{index:04d}.txt'
        pages.append((name, build_page(record, others, rng)))
        files.append((name, record))
    results = process_pages(args.marsad, pages, prefix, keep_variable)
    title_ok, n, precision, recall, f1 = score_titles_and_bodies(files, results, args.verbose)
    print(f'{label}: {n}, titles {title_ok}/{n} ({100 * title_ok / n:.1f}%), body F1 {f1:.3f} '
          f'(P {precision:.3f} R {recall:.3f})')
    return 0
