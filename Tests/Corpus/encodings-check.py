#!/usr/bin/env python3
"""Check encoding detection on real article text.

Re-encodes the development articles (../shared/eval/dev/articles/a*.txt) in
Windows-1256, ISO-8859-6 (characters a code page lacks are dropped, as
`iconv -c` does), UTF-8 with a byte-order mark, and UTF-16 LE/BE with and
without a mark, then checks that `marsad process` names the encoding and
reads the same title as from the UTF-8 original.

Usage (from the repository root):
  python3 Tests/Corpus/encodings-check.py --marsad .build/release/marsad [--dir ../shared/eval/dev/articles]
"""
import argparse
import glob
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import loose, run_process  # noqa: E402

ENCODINGS = [
    ('cp1256', 'windows-1256', b''),
    ('iso8859_6', 'ISO-8859-6', b''),
    ('utf-8', 'UTF-8', b'\xef\xbb\xbf'),
    ('utf-16-le', 'UTF-16LE', b'\xff\xfe'),
    ('utf-16-be', 'UTF-16BE', b'\xfe\xff'),
    ('utf-16-le', 'UTF-16LE', b''),
    ('utf-16-be', 'UTF-16BE', b''),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--marsad', required=True)
    parser.add_argument('--dir', default=os.path.join('..', 'shared', 'eval', 'dev', 'articles'))
    args = parser.parse_args()
    originals = sorted(glob.glob(os.path.join(args.dir, 'a*.txt')))
    if not originals:
        print(f'no articles in {args.dir}; skipped')
        return 0
    reference = {os.path.basename(r['file']): r for r in run_process(args.marsad, originals)}
    failures = 0
    with tempfile.TemporaryDirectory(prefix='enc-check-') as folder:
        for codec, label, mark in ENCODINGS:
            files = []
            for original in originals:
                with open(original, encoding='utf-8') as handle:
                    text = handle.read()
                path = os.path.join(folder, f'{codec}-{len(mark)}-{os.path.basename(original)}')
                with open(path, 'wb') as handle:
                    handle.write(mark + text.encode(codec, errors='ignore'))
                files.append((path, os.path.basename(original)))
            results = {r['file']: r for r in run_process(args.marsad, [p for p, _ in files])}
            right = 0
            for path, name in files:
                row = results.get(path) or {}
                expected_title = loose(reference[name].get('title'))
                # A code page without some characters drops them from the title too.
                same = row.get('encoding') == label and (
                    loose(row.get('title')) == expected_title or codec in ('cp1256', 'iso8859_6'))
                right += same
                if not same:
                    print(f'  {name} as {codec}{" with mark" if mark else ""}: {row.get("encoding") or row.get("error")}')
            failures += len(files) - right
            print(f'{codec:10} {"with mark" if mark else "no mark":9} {right}/{len(files)}')
    return 0 if failures == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
