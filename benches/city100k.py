#!/usr/bin/env python3
"""Writes a dataset directory of 100,000 industry indicators made from the real ones
(each name joins two real names), for measuring load time, search and memory at that
size:

    cargo build --release && python3 benches/city100k.py /tmp/city100k
    /usr/bin/time -v target/release/liuzhou-tui --data /tmp/city100k
"""
import json, os, random, shutil, subprocess, sys

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/city100k"
os.makedirs(out, exist_ok=True)
data = json.loads(subprocess.run(["target/release/liuzhou-tui", "export", "--format", "json"],
                                 check=True, capture_output=True).stdout)
shutil.copy("assets/sources.ron", out)
for name in ("ecology", "timeline", "livelihood"):
    with open(os.path.join(out, name + ".ron"), "w") as f:
        f.write("[]\n")


def ron(s):
    """A RON string literal: JSON's, with RON's \\u{…} escapes."""
    return json.dumps(s, ensure_ascii=False)


random.seed(7)
base = data["industry"]
lines = ["["]
for k in range(100_000):
    a, b = random.choice(base), random.choice(base)
    zh = a["name"]["zh"] + b["name"]["zh"][:3]
    en = a["name"]["en"] + " " + b["name"]["en"].split()[-1]
    p = a["points"][0]
    lines.append(f'(id: "r{k}", theme: {a["theme"]}, name: (zh: {ron(zh)}, en: {ron(en)}), '
                 f'summary: (zh: "合成记录。", en: "Synthetic record."), '
                 f'points: [(value: {p["value"]!r}, unit: {ron(p["unit"])}, source: "{p["source"]}", line: {p["line"]})]),')
lines.append("]")
with open(os.path.join(out, "industry.ron"), "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"wrote {out}")
