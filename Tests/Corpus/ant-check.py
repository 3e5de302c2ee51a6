#!/usr/bin/env python3
"""Check `marsad process` on the ANT corpus (TREC-style <DOC> files).

Unpacks ../shared/corpora/ant-corpus-v1.1.tar.xz into a temporary folder and,
for a seeded sample of its articles (or all with --all), checks the title
(<TITLE>), that the body keeps every word of <TEXT>, the url (<URL>) and the
published time (<TIME> as ISO 8601: full date-times kept, day-first dates
turned around, other forms by their date).

Usage (from the repository root):
  python3 Tests/Corpus/ant-check.py --marsad .build/release/marsad [--sample 1000 | --all] [-v]
"""
import argparse
import glob
import html
import os
import random
import re
import sys
import tarfile
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import kept_share, loose, run_process  # noqa: E402


def field(doc, name):
    match = re.search(rf'<{name}>(.*?)</{name}>', doc, re.S)
    return html.unescape(match.group(1).strip()) if match else ''


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--marsad', required=True)
    parser.add_argument('--archive', default=os.path.join('..', 'shared', 'corpora', 'ant-corpus-v1.1.tar.xz'))
    parser.add_argument('--sample', type=int, default=1000)
    parser.add_argument('--all', action='store_true')
    parser.add_argument('-v', '--verbose', action='store_true')
    args = parser.parse_args()
    if not os.path.exists(args.archive):
        print(f'no ANT archive at {args.archive}; skipped')
        return 0
    with tempfile.TemporaryDirectory(prefix='ant-check-') as folder:
        with tarfile.open(args.archive) as archive:
            archive.extractall(folder, filter='data')
        files = sorted(glob.glob(os.path.join(folder, '**', '*.txt'), recursive=True))
        if not args.all:
            files = random.Random(3).sample(files, min(args.sample, len(files)))
        results = {}
        for start in range(0, len(files), 200):
            for row in run_process(args.marsad, files[start:start + 200]):
                results[row['file']] = row
        counts = dict(ok=0, title=0, body=0, url=0, published=0)
        for file in files:
            with open(file, encoding='utf-8') as handle:
                doc = handle.read()
            row = results.get(file) or {}
            if row.get('status') != 'ok':
                if args.verbose:
                    print(f'  {os.path.basename(file)}: {row.get("error")}')
                continue
            counts['ok'] += 1
            time = field(doc, 'TIME')
            day_first = re.fullmatch(r'(\d\d)/(\d\d)/(\d{4})', time)
            if day_first:
                expected_time = f'{day_first.group(3)}-{day_first.group(2)}-{day_first.group(1)}'
            elif re.fullmatch(r'\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d', time):
                expected_time = time
            else:
                expected_time = time[:10]
            checks = {
                'title': loose(row.get('title')) == loose(field(doc, 'TITLE')) if field(doc, 'TITLE') else bool(row.get('title')),
                'body': kept_share(field(doc, 'TEXT'), row.get('body') or '') == 1.0,
                'url': (row.get('url') or '') == field(doc, 'URL'),
                'published': (row.get('published') or '') == expected_time,
            }
            for key, ok in checks.items():
                counts[key] += ok
                if not ok and args.verbose:
                    print(f'  {os.path.basename(file)}: {key} differs: {row.get(key)!r}')
    n = len(files)
    print(f'ANT: {n} files, read {counts["ok"]}, ' + ', '.join(f'{k} {counts[k]}/{n}' for k in ('title', 'body', 'url', 'published')))
    return 0 if all(counts[k] == n for k in counts) else 1


if __name__ == '__main__':
    sys.exit(main())
