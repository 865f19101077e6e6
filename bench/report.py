"""Writes BENCHMARKS.md from hyperfine's JSON exports (bench/run calls it)."""
import json, os, platform, subprocess, sys

out, db, negotiations, developments = sys.argv[1:5]

ROWS = [
    ("startup", "start-up", "`accord --version`", "`sqlite3 --version`", 2.5),
    ("log", "log one development", "`accord log`", "`sqlite3` running the same statements", 2.0),
    ("deals-unsigned", "unsigned deals, today", "`accord deals --unsigned`", "`sqlite3` running the same statements", 1.5),
    ("deals-unsigned-as-of", "unsigned deals, as of 2020-06-30", "`accord deals --unsigned --as-of 2020-06-30`", "`sqlite3` running the same statements", 1.5),
    ("timeline", "a negotiation's timeline", "`accord timeline negotiation-42`", "`sqlite3` running the same statements", 1.5),
    ("search", "search, first page", "`accord search '\"prisoner exchange\"' geneva`", "`sqlite3` running the same statements (FTS5)", 1.5),
    # A row without a command to compare with (None) is timed alone; its target is in seconds.
    ("report-html-1000", f"report of {min(int(negotiations), 1000):,} negotiations, HTML", f"`accord report negotiation-1 … negotiation-{min(int(negotiations), 1000)} --format html`", None, 2.0),
]


def sh(command):
    try:
        return subprocess.run(command, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


print("# Benchmarks\n")
print("Whole processes timed by `hyperfine` (warm cache, `-N`), Accord beside the `sqlite3` shell doing the")
print("same work on the same file. Reproduce with:\n")
print(f"```\nbench/run {negotiations} {developments}\n```\n")
print("## Machine and corpus\n")
cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
memory = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)
print(f"- {cpu}, {os.cpu_count()} cores, {memory} GiB; {platform.system()} {platform.release()}")
print(f"- {sh('swift --version 2>&1 | head -1')}; accord built as `bench/run` builds it: `-c release --static-swift-stdlib`, linked `-no-pie` and stripped")
print(f"- SQLite {sh('sqlite3 --version').split(' ')[0]} (the system library, used by both)")
counts = sh(f"sqlite3 {db} \"SELECT (SELECT count(*) FROM negotiation) || ' negotiations, ' || (SELECT count(*) FROM proposal) || ' proposals, ' || (SELECT count(*) FROM proposal_step) || ' steps, ' || (SELECT count(*) FROM position) || ' positions, ' || (SELECT count(*) FROM development) || ' developments'\"")
size = os.path.getsize(db) / 1e6
stamp = os.path.join(out, "generate-ms.txt")
generated = f"{int(open(stamp).read()) / 1000:.1f} s" if os.path.exists(stamp) else "an earlier run"
print(f"- corpus: `accord generate --negotiations {negotiations} --developments {developments}` (seed 1): {counts}; {size:.0f} MB; generated in {generated}")
print("")
print("## Results\n")
print("| what | Accord | median (min–max) | against | median (min–max) | ratio | target |")
print("|---|---|---|---|---|---|---|")
for key, what, ours, theirs, target in ROWS:
    path = os.path.join(out, key + ".json")
    if not os.path.exists(path):
        continue
    results = {r["command"]: r for r in json.load(open(path))["results"]}
    if theirs is None:
        a = results["accord"]
        verdict = "met" if a["median"] < target else "**missed**"
        print(f"| {what} | {ours} | {ms(a['median'])} ({ms(a['min'])}–{ms(a['max'])}) | — | — | — | < {target} s {verdict} |")
        continue
    a, s = results["accord"], results["sqlite3"]
    ratio = a["median"] / s["median"]
    verdict = "met" if ratio <= target else "**missed**"
    print(f"| {what} | {ours} | {ms(a['median'])} ({ms(a['min'])}–{ms(a['max'])}) | {theirs} | {ms(s['median'])} ({ms(s['min'])}–{ms(s['max'])}) | {ratio:.2f}× | ≤ {target}× {verdict} |")
print("")
SCALING = [
    ("scaling-show", "`accord negotiation show negotiation-42` (about the same rows in both)"),
    ("scaling-timeline", "`accord timeline negotiation-42` (about the same rows in both)"),
]
scaling = [(key, what) for key, what in SCALING if os.path.exists(os.path.join(out, key + ".json"))]
if scaling:
    print("### Doubling the corpus\n")
    print(f"The same command on this corpus and on one twice its size ({int(negotiations) * 2} negotiations, {int(developments) * 2} developments). A query that returns the same rows should not take twice as long.\n")
    print("| what | corpus | double corpus | ratio |")
    print("|---|---|---|---|")
    for key, what in scaling:
        results = {r["command"]: r for r in json.load(open(os.path.join(out, key + ".json")))["results"]}
        a, b = results["corpus"], results["double"]
        print(f"| {what} | {ms(a['median'])} | {ms(b['median'])} | {b['median'] / a['median']:.2f}× |")
    print("")
# Imports: three commands side by side (Accord, the sqlite3 shell, sqlite-utils), with peak memory.
IMPORT_ROWS = [
    ("import-developments", f"import {int(developments):,} developments", "`accord import developments.ndjson`",
     "`sqlite3 .import --csv` of the same rows", "`sqlite-utils insert --nl` of the same file", 1.5, 5.0, 100),
    ("import-pax", "import a PA-X export of 1,900 agreements", "`accord import --from pax`", None, None, 5.0, None, None),
]
imports = [row for row in IMPORT_ROWS if os.path.exists(os.path.join(out, row[0] + ".json"))]
if imports:
    print("### Imports\n")
    print("Each run imports into a fresh copy of the corpus made without developments (`accord generate --developments 0`, same seed), so the tables, indexes and triggers are those of the corpus. Peak memory is the maximum resident set size from `/usr/bin/time -v`.\n")
    print("| what | Accord | median (min–max) | peak memory | `sqlite3` | median | `sqlite-utils` | median | targets |")
    print("|---|---|---|---|---|---|---|---|---|")
    for key, what, ours, shell, utils, ratio, faster, megabytes in imports:
        results = {r["command"]: r for r in json.load(open(os.path.join(out, key + ".json")))["results"]}
        memory_path = os.path.join(out, key + "-memory.json")
        memory = json.load(open(memory_path)) if os.path.exists(memory_path) else {}
        a = results["accord"]
        mem = f"{memory['accord'] / 1024:.0f} MB" if "accord" in memory else "—"
        verdicts = []
        cells = ["—", "—", "—", "—"]
        if shell and "sqlite3" in results:
            s = results["sqlite3"]
            cells[0:2] = [shell, f"{s['median']:.2f} s ({a['median'] / s['median']:.2f}×)"]
            verdicts.append(f"≤ {ratio}× sqlite3 " + ("met" if a["median"] <= ratio * s["median"] else "**missed**"))
        if utils and "sqlite-utils" in results:
            u = results["sqlite-utils"]
            ratio = a["median"] / u["median"]
            relation = f"Accord {1 / ratio:.1f}× faster" if ratio < 1 else f"Accord {ratio:.1f}× slower"
            cells[2:4] = [utils, f"{u['median']:.2f} s ({relation})"]
            verdicts.append(f"≥ {faster}× faster than sqlite-utils " + ("met" if u["median"] >= faster * a["median"] else "**missed**"))
        if megabytes and "accord" in memory:
            verdicts.append(f"< {megabytes} MB " + ("met" if memory["accord"] / 1024 < megabytes else "**missed**"))
        if not shell:
            verdicts.append(f"< {ratio} s " + ("met" if a["median"] < ratio else "**missed**"))
        print(f"| {what} | {ours} | {a['median']:.2f} s ({a['min']:.2f}–{a['max']:.2f}) | {mem} | {cells[0]} | {cells[1]} | {cells[2]} | {cells[3]} | {'; '.join(verdicts)} |")
    print("")
notes = os.path.join("bench", "NOTES.md")
if os.path.exists(notes):
    print(open(notes).read())
