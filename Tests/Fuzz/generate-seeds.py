#!/usr/bin/env python3
"""Writes seed inputs for the fuzz targets from the repository's own files
(examples, bundled taxonomy, sample configuration) and, when present, from
the shared seeds and corpora beside the repository. Nothing here is
committed: run-fuzzers.sh calls it into its scratch folder."""
import argparse, glob, hashlib, io, json, os, tarfile, zipfile

MAX_LEN = 65536

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", required=True)
    parser.add_argument("--shared", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    counts = {}

    def put(target, data):
        if isinstance(data, str):
            data = data.encode("utf-8")
        data = data[:MAX_LEN]
        folder = os.path.join(args.out, target)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, hashlib.sha1(data).hexdigest()), "wb") as f:
            f.write(data)
        counts[target] = counts.get(target, 0) + 1

    for path in sorted(glob.glob(os.path.join(args.repo, "examples", "*"))):
        if path.endswith("README.md"):
            continue
        data = open(path, "rb").read()
        put("FuzzArticleReader", data)
        put("FuzzTextDecoder", data)
        target = {".html": "FuzzHTMLReader", ".json": "FuzzJSONReader"}.get(os.path.splitext(path)[1], "FuzzPlainText")
        put(target, data)

    taxonomy = os.path.join(args.repo, "Sources", "MarsadTagging", "Taxonomy")
    gazetteers = sorted(glob.glob(os.path.join(taxonomy, "gazetteer", "*.yaml")))
    topics = sorted(glob.glob(os.path.join(taxonomy, "topics", "*.yaml")))
    sources = open(os.path.join(taxonomy, "sources.yaml"), "rb").read()
    weights = open(os.path.join(taxonomy, "weights.json"), "rb").read()
    for index, topic in enumerate(topics):
        # The form feeds split one input into gazetteer, topic, sources and weights files.
        parts = [open(gazetteers[index % len(gazetteers)], "rb").read(), open(topic, "rb").read(), sources, weights]
        while len(b"\f".join(parts)) > MAX_LEN and len(parts) > 2:
            parts.pop()
        put("FuzzTaxonomy", b"\f".join(parts))

    for path in sorted(glob.glob(os.path.join(args.shared, "seeds", "*"))):
        data = open(path, "rb").read()
        for target in ("FuzzArticleReader", "FuzzPlainText", "FuzzTextDecoder"):
            put(target, data)

    days = sorted(glob.glob(os.path.join(args.shared, "corpora", "saudinewsnet", "*.zip")))
    if days:
        with zipfile.ZipFile(days[0]) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".json"))
            records = json.loads(archive.read(name))[:40]
        for i, record in enumerate(records):
            text = json.dumps(record, ensure_ascii=i % 2 == 0)
            put("FuzzJSONReader", text)
            if i % 4 == 0:
                put("FuzzJSONReader", json.dumps(records[i:i + 3], ensure_ascii=False, indent=1))
                put("FuzzJSONReader", "\n".join(json.dumps(r, ensure_ascii=False) for r in records[i:i + 3]))
                put("FuzzArticleReader", json.dumps(records[i:i + 2], ensure_ascii=False))
            plain = (record.get("title") or "") + "\n\n" + (record.get("content") or "")
            put("FuzzPlainText", plain)
            if i % 5 == 0:
                put("FuzzTextDecoder", plain.encode("cp1256", "replace"))
                put("FuzzArticleReader", plain.encode("cp1256", "replace"))
                put("FuzzTextDecoder", b"\xff\xfe" + plain.encode("utf-16-le"))

    ant = os.path.join(args.shared, "corpora", "ant-corpus-v1.1.tar.xz")
    if os.path.exists(ant):
        taken = 0
        with tarfile.open(ant, "r|xz") as archive:
            for member in archive:
                if not member.isfile() or not member.name.endswith(".txt"):
                    continue
                data = archive.extractfile(member).read()
                put("FuzzTRECReader", data)
                if taken % 4 == 0:
                    put("FuzzArticleReader", data)
                taken += 1
                if taken >= 30:
                    break

    pages = os.path.join(args.shared, "eval", "html", "pages.tar.xz")
    if os.path.exists(pages):
        taken = 0
        with tarfile.open(pages, "r|xz") as archive:
            for member in archive:
                if not member.isfile() or member.size > MAX_LEN:
                    continue
                data = archive.extractfile(member).read()
                put("FuzzHTMLReader", data)
                if taken % 3 == 0:
                    put("FuzzArticleReader", data)
                    put("FuzzTextDecoder", data)
                taken += 1
                if taken >= 30:
                    break

    print("generated seeds: " + ", ".join(f"{t} {n}" for t, n in sorted(counts.items())))

main()
