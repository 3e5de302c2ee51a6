"""Times pyarabic's normalizers on the same text as Marsad's match-key
benchmark, for the ratio the benchmark reports.

    python pyarabic_throughput.py ARTICLES_FILE [ROUNDS]

ARTICLES_FILE holds UTF-8 articles separated by U+001E. Each article goes
through the pyarabic equivalent of the match key's Arabic rules: strip_tatweel,
strip_tashkeel, normalize_hamza(tasheel) (alef, waw and yeh hamza),
normalize_teh, ى → ي, and str.lower for Latin letters. Prints one JSON object
with the best round's MB/s (10^6 bytes of UTF-8 input per second).
"""
import json
import sys
import time

import pyarabic.araby as araby


def normalize(text):
    text = araby.strip_tatweel(text)
    text = araby.strip_tashkeel(text)
    text = araby.normalize_hamza(text, method="tasheel")
    text = araby.normalize_teh(text)
    return text.replace("\u0649", "\u064a").lower()


def main():
    path = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with open(path, "rb") as handle:
        data = handle.read()
    articles = [a for a in data.decode("utf-8").split("\x1e") if a]
    size = sum(len(a.encode("utf-8")) for a in articles)
    best = None
    for _ in range(rounds):
        start = time.perf_counter()
        for article in articles:
            normalize(article)
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    print(json.dumps({"articles": len(articles), "bytes": size, "seconds": best, "mb_per_s": size / best / 1e6}))


if __name__ == "__main__":
    main()
