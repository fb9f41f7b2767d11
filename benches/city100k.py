#!/usr/bin/env python3
"""Writes a dataset directory of 100,000 industry indicators made from the real ones
(each name joins two real names, each summary two real summaries: about 50 Hanzi and
160 English chars; a third of the figures carry a real note), for measuring load time,
search and memory at that size:

    cargo build --release && python3 benches/city100k.py /tmp/city100k
    /usr/bin/time -v target/release/liuzhou-tui --data /tmp/city100k

An optional second argument gives each indicator figures for that many years (one by
default), so that every indicator is on the Trends tab:

    python3 benches/city100k.py /tmp/city100k-2y 2
"""
import json, os, random, shutil, subprocess, sys

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/city100k"
years = int(sys.argv[2]) if len(sys.argv) > 2 else 1
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
notes = [p["note"] for i in base for p in i["points"] if p.get("note")]
lines = ["["]
for k in range(100_000):
    a, b = random.choice(base), random.choice(base)
    zh = a["name"]["zh"] + b["name"]["zh"][:3]
    en = a["name"]["en"] + " " + b["name"]["en"].split()[-1]
    p = a["points"][0]
    summary = (a["summary"]["zh"] + b["summary"]["zh"], a["summary"]["en"] + " " + b["summary"]["en"])
    note = ""
    if k % 3 == 0:
        n = random.choice(notes)
        note = f', note: (zh: {ron(n["zh"])}, en: {ron(n["en"])})'
    def point(year, note):
        year = f', year: {year}' if year else ""
        return (f'(value: {p["value"]!r}, unit: {ron(p["unit"])}{year}, source: "{p["source"]}", '
                f'line: {p["line"]}{note})')
    if years == 1:
        points = [point(p.get("year"), note)]
    else:
        last = p.get("year") or 2020
        points = [point(last - years + 1 + j, note if j == years - 1 else "") for j in range(years)]
    lines.append(f'(id: "r{k}", theme: {a["theme"]}, name: (zh: {ron(zh)}, en: {ron(en)}), '
                 f'summary: (zh: {ron(summary[0])}, en: {ron(summary[1])}), '
                 f'points: [{", ".join(points)}]),')
lines.append("]")
with open(os.path.join(out, "industry.ron"), "w") as f:
    f.write("\n".join(lines) + "\n")
print(f"wrote {out}")
