#!/usr/bin/env python3
"""Check that `marsad process` reads the development articles whole.

The files in ../shared/eval/dev/articles/ are "headline, blank line, body".
For each, the article's title must be the first line, and the words of the
rest must be in the body, or in the author and source fields where a byline
or attribution line belongs; at least 98% of them, since some of these texts
end in site chrome ("...المزيد", a contact box) that a reader leaves out.
Whole-body matches are counted too. The seed pages among them (s*.txt, whole web pages)
are left to the extraction score and only listed here.

Usage (from the repository root):
  python3 Tests/Corpus/dev-articles-check.py --marsad .build/release/marsad [--dir ../shared/eval/dev/articles] [-v]
"""
import argparse
import glob
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import kept_share, loose, run_process  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--marsad', required=True)
    parser.add_argument('--dir', default=os.path.join('..', 'shared', 'eval', 'dev', 'articles'))
    parser.add_argument('-v', '--verbose', action='store_true')
    args = parser.parse_args()
    files = sorted(glob.glob(os.path.join(args.dir, '*.txt')))
    if not files:
        print(f'no articles in {args.dir}; skipped')
        return 0
    pages = [f for f in files if os.path.basename(f).startswith('s')]
    articles = [f for f in files if f not in pages]
    results = {os.path.basename(r['file']): r for r in run_process(args.marsad, articles)}
    titles = whole = kept = 0
    shares = []
    for file in articles:
        with open(file, encoding='utf-8') as handle:
            lines = handle.read().split('\n')
        headline = lines[0]
        rest = '\n'.join(lines[1:])
        result = results.get(os.path.basename(file)) or {}
        title_ok = loose(result.get('title')) == loose(headline)
        fields = '\n'.join(result.get(k) or '' for k in ('body', 'author', 'source'))
        share = kept_share(rest, fields)
        body_ok = share >= 0.98
        titles += title_ok
        whole += share == 1.0
        kept += body_ok
        shares.append(share)
        if args.verbose and not (title_ok and body_ok):
            print(f'  {os.path.basename(file)}: title {result.get("title")!r}, body words kept {share:.3f}')
    print(f'dev articles: {len(articles)} read, titles {titles}/{len(articles)}, bodies keeping >= 98% of words '
          f'{kept}/{len(articles)}, every word {whole}/{len(articles)}, min word share {min(shares):.3f}; '
          f'seed pages not checked here: {len(pages)}')
    return 0 if titles == kept == len(articles) else 1


if __name__ == '__main__':
    sys.exit(main())
