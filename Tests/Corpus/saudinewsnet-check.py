#!/usr/bin/env python3
"""Check `marsad process` on SaudiNewsNet's day files.

Each zip in the corpus folder holds one JSON array of records
(source, url, date_extracted, title, author, content). For every record the
output must have one article with the record's title, a body keeping at least
98% of the content's words, the record's source and url, and date_extracted as
the published date.

Usage (from the repository root):
  python3 Tests/Corpus/saudinewsnet-check.py --marsad .build/release/marsad \
      [--corpus ../shared/corpora/saudinewsnet] [--days N] [-v]
Exit status 0 when every check holds for every record, 1 otherwise.
"""
import argparse
import glob
import json
import os
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import kept_share, loose, run_process  # noqa: E402

KEEP = 0.98


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--marsad', required=True)
    parser.add_argument('--corpus', default=os.path.join('..', 'shared', 'corpora', 'saudinewsnet'))
    parser.add_argument('--days', type=int, default=0, help='only the first N day files (0: all)')
    parser.add_argument('-v', '--verbose', action='store_true')
    args = parser.parse_args()

    zips = sorted(glob.glob(os.path.join(args.corpus, '*.zip')))
    if not zips:
        print(f'no SaudiNewsNet zips in {args.corpus}; skipped')
        return 0
    if args.days:
        zips = zips[:args.days]

    totals = dict(records=0, empty=0, articles=0, missing=0, failed_files=0, title=0, body=0, source=0, url=0, published=0)
    shares = []
    with tempfile.TemporaryDirectory(prefix='snn-check-') as folder:
        for path in zips:
            with zipfile.ZipFile(path) as archive:
                names = [n for n in archive.namelist() if n.endswith('.json')]
                archive.extractall(folder, names)
            for name in names:
                file = os.path.join(folder, name)
                with open(file, encoding='utf-8') as handle:
                    records = json.load(handle)
                results = run_process(args.marsad, [file])
                failed = [r for r in results if r.get('status') != 'ok']
                by_record = {r.get('record'): r for r in results if r.get('status') == 'ok'}
                if failed:
                    totals['failed_files'] += 1
                    print(f'{name}: failed: {failed[0].get("error")}')
                day = dict(title=0, body=0, source=0, url=0, published=0)
                for index, record in enumerate(records):
                    totals['records'] += 1
                    article = by_record.get(index) or by_record.get(str(index))
                    if article is None and not (record.get('title') or '').strip() and not (record.get('content') or '').strip():
                        # Nothing to read: no title, no text (some day files hold such stubs).
                        totals['empty'] += 1
                        if args.verbose:
                            print(f'  {name}[{index}]: empty record, no article: {record.get("url")}')
                        continue
                    if article is None:
                        totals['missing'] += 1
                        if args.verbose:
                            print(f'  {name}[{index}]: no article')
                        continue
                    totals['articles'] += 1
                    checks = {
                        'title': loose(article.get('title')) == loose(record.get('title')) or (
                            not (record.get('title') or '').strip() and bool(article.get('title'))),
                        'source': (article.get('source') or '') == (record.get('source') or ''),
                        'url': (article.get('url') or '') == (record.get('url') or ''),
                        'published': (article.get('published') or '') == (record.get('date_extracted') or '').replace(' ', 'T'),
                    }
                    share = kept_share(record.get('content') or '', article.get('body') or '')
                    shares.append(share)
                    checks['body'] = share >= KEEP
                    for key, ok in checks.items():
                        day[key] += ok
                        totals[key] += ok
                        if not ok and args.verbose:
                            print(f'  {name}[{index}]: {key} differs: '
                                  f'{(article.get(key) if key != "body" else f"{share:.3f}")!r}')
                print(f'{name}: records {len(records)}, articles {len(by_record)}, '
                      + ', '.join(f'{k} {v}' for k, v in day.items()))
                os.remove(file)

    n = totals['records'] - totals['empty']
    print(f'SaudiNewsNet: {len(zips)} day files, {totals["records"]} records, {totals["articles"]} articles, '
          f'{totals["empty"]} empty records (no title, no text) left without an article, '
          f'{totals["missing"]} other records without an article, {totals["failed_files"]} failed files')
    for key in ('title', 'body', 'source', 'url', 'published'):
        print(f'  {key:10} {totals[key]}/{n} ({100 * totals[key] / max(n, 1):.2f}%)')
    if shares:
        shares.sort()
        print(f'  body word retention: min {shares[0]:.4f}, 1st percentile {shares[len(shares) // 100]:.4f}, '
              f'mean {sum(shares) / len(shares):.4f}')
    ok = totals['missing'] == 0 and totals['failed_files'] == 0 and all(
        totals[k] == n for k in ('title', 'body', 'source', 'url', 'published'))
    print('PASS' if ok else 'FAIL')
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
