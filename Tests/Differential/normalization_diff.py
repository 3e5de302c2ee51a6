"""Differential test of Marsad's normalization rules against pyarabic and
CAMeL Tools on the tokens of the SaudiNewsNet corpus.

Run through normalization-diff.sh, which provides the interpreter with the
peers installed and the command that runs Marsad's rules:

    python normalization_diff.py --corpus DIR --marsad CMD... [--goal 0.999] [--json FILE]

Each comparison applies one Marsad rule set (`--rules a,b`) and one peer
function to every distinct Arabic token, and counts agreement over token
occurrences (and over distinct tokens). Exits 1 when a comparison is below
the goal.
"""
import argparse
import collections
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import zipfile

import pyarabic.araby as araby
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

# Arabic letters, marks, tatweel and presentation forms: one token.
TOKEN_RE = re.compile("[\u0621-\u065F\u0670-\u06D3\u06D5-\u06ED\u08D3-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]+")


def keeping(scalars, function):
    """Restricts a peer function to the scalars both normalizers treat alike:
    the given scalars are hidden from it and put back afterwards."""

    def restricted(text):
        hidden = {}
        for index, scalar in enumerate(scalars):
            placeholder = chr(0xE000 + index)
            hidden[placeholder] = scalar
            text = text.replace(scalar, placeholder)
        text = function(text)
        for placeholder, scalar in hidden.items():
            text = text.replace(placeholder, scalar)
        return text

    return restricted


def presentation_forms_only(text):
    """NFKC applied to presentation-form scalars only (the other scalars of a
    token are Arabic letters and marks, which NFKC would only compose)."""
    return "".join(
        normalize_unicode(c).lstrip(" ") if "\uFB50" <= c <= "\uFDFF" or "\uFE70" <= c <= "\uFEFC" else c for c in text
    )


def camel_letters(text):
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(dediac_ar(text))))


# (what is compared, Marsad rules, peer, peer function)
COMPARISONS = [
    ("diacritics", "diacritics", "pyarabic strip_tashkeel", araby.strip_tashkeel),
    ("diacritics", "diacritics", "camel dediac_ar", dediac_ar),
    ("alef", "alef", "camel normalize_alef_ar", normalize_alef_ar),
    # pyarabic's normalize_alef also turns ى into ا; Marsad turns it into ي
    # (its own rule, compared below), so ى is kept out of this comparison.
    ("alef", "alef", "pyarabic normalize_alef (ى kept)", keeping(["\u0649"], araby.normalize_alef)),
    ("alef maqsura", "alef-maqsura", "camel normalize_alef_maksura_ar", normalize_alef_maksura_ar),
    ("teh marbuta", "teh-marbuta", "camel normalize_teh_marbuta_ar", normalize_teh_marbuta_ar),
    ("teh marbuta", "teh-marbuta", "pyarabic normalize_teh", araby.normalize_teh),
    (
        "hamza carriers",
        "alef,waw-hamza,yeh-hamza",
        "pyarabic normalize_hamza(tasheel)",
        lambda t: araby.normalize_hamza(t, method="tasheel"),
    ),
    ("tatweel", "invisibles", "pyarabic strip_tatweel", araby.strip_tatweel),
    ("presentation forms", "presentation-forms", "camel normalize_unicode (NFKC)", presentation_forms_only),
    (
        "diacritics+alef+maqsura+teh",
        "diacritics,alef,alef-maqsura,teh-marbuta",
        "camel dediac+alef+maksura+teh",
        camel_letters,
    ),
]


def corpus_tokens(corpus_dir, limit_files=None):
    counts = collections.Counter()
    files = sorted(glob.glob(os.path.join(corpus_dir, "*.zip")))
    if limit_files:
        files = files[:limit_files]
    for path in files:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                records = json.loads(archive.read(name))
                for record in records if isinstance(records, list) else [records]:
                    for field in ("title", "content"):
                        counts.update(TOKEN_RE.findall(record.get(field) or ""))
    return counts, len(files)


def run_marsad(command, rules, tokens):
    with tempfile.TemporaryFile() as stdin:
        stdin.write(("\n".join(tokens) + "\n").encode("utf-8"))
        stdin.seek(0)
        result = subprocess.run(command + ["--rules", rules], stdin=stdin, capture_output=True, check=True)
    lines = result.stdout.decode("utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if len(lines) != len(tokens):
        raise SystemExit(f"marsad returned {len(lines)} lines for {len(tokens)} tokens (rules {rules})")
    return lines


def codepoints(text):
    return " ".join(f"{ord(c):04X}" for c in text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--marsad", required=True, nargs="+", help="command that takes --rules and reads stdin")
    parser.add_argument("--goal", type=float, default=0.999)
    parser.add_argument("--files", type=int, default=None, help="use only the first N day files")
    parser.add_argument("--json", default=None, help="write the summary here")
    args = parser.parse_args()

    counts, file_count = corpus_tokens(args.corpus, args.files)
    tokens = list(counts)
    total = sum(counts.values())
    print(f"corpus: {file_count} day files, {total} Arabic tokens, {len(tokens)} distinct")
    print(f"goal: {args.goal:.3%} of tokens agree\n")
    cache = {}
    summary = []
    failed = False
    header = f"{'rule':<28} {'peer':<36} {'tokens agree':>14} {'distinct agree':>15}  changed by rule"
    print(header)
    print("-" * len(header))
    for what, rules, peer, function in COMPARISONS:
        if rules not in cache:
            cache[rules] = run_marsad(args.marsad, rules, tokens)
        ours = cache[rules]
        agree = 0
        agree_types = 0
        changed = 0
        disagreements = collections.Counter()
        for token, mine in zip(tokens, ours):
            theirs = function(token)
            weight = counts[token]
            if mine != token:
                changed += weight
            if mine == theirs:
                agree += weight
                agree_types += 1
            else:
                disagreements[(token, mine, theirs)] = weight
        rate = agree / total if total else 1.0
        type_rate = agree_types / len(tokens) if tokens else 1.0
        failed |= rate < args.goal
        mark = "" if rate >= args.goal else "  << below goal"
        print(f"{what:<28} {peer:<36} {rate:>14.4%} {type_rate:>15.4%}  {changed}{mark}")
        examples = []
        for (token, mine, theirs), weight in disagreements.most_common(4):
            examples.append({"token": token, "marsad": mine, "peer": theirs, "count": weight})
        summary.append(
            {
                "rule": what,
                "marsad_rules": rules,
                "peer": peer,
                "token_agreement": rate,
                "distinct_agreement": type_rate,
                "tokens": total,
                "tokens_changed_by_marsad": changed,
                "disagreeing_tokens": total - agree,
                "examples": examples,
            }
        )
    print("\nmost frequent disagreements (token → marsad | peer, code points):")
    for entry in summary:
        for example in entry["examples"][:2]:
            print(
                f"  {entry['rule']} vs {entry['peer']}: ×{example['count']} [{codepoints(example['token'])}]"
                f" → [{codepoints(example['marsad'])}] | [{codepoints(example['peer'])}]"
            )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(summary, handle, ensure_ascii=False, indent=2)
    print("\nresult:", "below goal" if failed else "all comparisons meet the goal")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
