"""Writes BENCHMARKS.md from hyperfine's JSON exports (bench/run calls it)."""
import json, os, platform, subprocess, sys

out, db, negotiations, developments = sys.argv[1:5]

ROWS = [
    ("startup", "start-up", "`accord --version`", "`sqlite3 --version`", 2.5),
    ("log", "log one development", "`accord log`", "`sqlite3` running the same statements", 1.5),
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
if int(negotiations) == 10000 and int(developments) == 1000000:
    print(f"- target for this corpus's file ≤ 250 MB: {size:.0f} MB — " + ("met" if size <= 250 else "**missed**"))
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
PG = [
    ("one-negotiation", "the deals of one negotiation (`deals --negotiation negotiation-42`)", 2.0),
    ("log", "log one development", 3.0),
    ("deals-unsigned", "unsigned deals, today", 2.0),
    ("deals-unsigned-as-of", "unsigned deals, as of 2020-06-30", 2.0),
    ("timeline", "a negotiation's timeline", 2.0),
    ("negotiation-show", "a negotiation, shown", 2.0),
    ("report", "a negotiation's report", 2.0),
    ("negotiation-list", "every negotiation, with its status", 2.0),
    ("search", "a search for a common word (`search ceasefire`: 133,128 matches)", 2.0),
    ("search-phrase", "a search for a phrase (`search '\"security guarantees\"'`)", 2.0),
    ("history", "one negotiation's history", 2.0),
    ("changes", "the first 100 changes, in words", 2.0),
]
pg = [(key, what, target) for key, what, target in PG if os.path.exists(os.path.join(out, "pg-" + key + ".json"))]
if pg:
    warmup_rounds = json.load(open(os.path.join(out, "pg-" + pg[0][0] + ".json"))).get("warmup", 0)
    copied = os.path.join(out, "pg-copy-ms.txt")
    took = f" (`accord copy --to` took {int(open(copied).read()) / 1000:.1f} s)" if os.path.exists(copied) else ""
    print("### A team's record on PostgreSQL\n")
    print(f"The corpus copied to a database of a PostgreSQL server on the same machine{took}, and each command run with `--db postgresql://…` beside the same command on the file. The answers are the same (`TeamReadingTests`, `TeamWritingTests`); the targets are the issue's: a read within twice SQLite's time, a `log` within three times. The runs are interleaved (`bench/ab`: each round runs the command on the file, then on the server, in turn, after {warmup_rounds} rounds not counted), so that a busy moment of the machine falls on each alike: median (min–max).\n")
    pooled = all("pgbouncer" in {r["command"] for r in json.load(open(os.path.join(out, "pg-" + key + ".json")))["results"]} for key, _, _ in pg)
    if pooled:
        print(f"- {sh('psql --version')}; {sh('pgbouncer --version | head -1')}; `ACCORD_BENCH_PG=URL ACCORD_BENCH_PGBOUNCER=URL bench/run`")
        print("- Each command is a connection of its own. Directly, each is a new session of the server, which learns the tables, views and statistics a statement touches on first use (most of the time of the one-negotiation commands). Through pgbouncer in session mode (README, \"For a team\"), the server's sessions, and what they learnt, outlive the command.\n")
        print("| what | SQLite | PostgreSQL | ratio | through pgbouncer | ratio | target |")
        print("|---|---|---|---|---|---|---|")
    else:
        print(f"- {sh('psql --version')}; `ACCORD_BENCH_PG=URL bench/run`\n")
        print("| what | SQLite | PostgreSQL | ratio | target |")
        print("|---|---|---|---|---|")
    for key, what, target in pg:
        results = {r["command"]: r for r in json.load(open(os.path.join(out, "pg-" + key + ".json")))["results"]}
        a, b = results["sqlite"], results["postgresql"]
        ratio = b["median"] / a["median"]
        if pooled:
            c = results["pgbouncer"]
            through = c["median"] / a["median"]
            verdict = "met" if ratio <= target else ("met through pgbouncer" if through <= target else "**missed**")
            print(f"| {what} | {ms(a['median'])} ({ms(a['min'])}–{ms(a['max'])}) | {ms(b['median'])} ({ms(b['min'])}–{ms(b['max'])}) | {ratio:.2f}× | {ms(c['median'])} ({ms(c['min'])}–{ms(c['max'])}) | {through:.2f}× | ≤ {target}× {verdict} |")
        else:
            verdict = "met" if ratio <= target else "**missed**"
            print(f"| {what} | {ms(a['median'])} ({ms(a['min'])}–{ms(a['max'])}) | {ms(b['median'])} ({ms(b['min'])}–{ms(b['max'])}) | {ratio:.2f}× | ≤ {target}× {verdict} |")
    print("")
# Imports: Accord beside the sqlite3 shell and sqlite-utils (alone, and with the full-text index
# Accord keeps), with peak memory and how much each made the file grow.
def load(key, suffix=""):
    path = os.path.join(out, key + suffix + ".json")
    return json.load(open(path)) if os.path.exists(path) else None


def seconds(r):
    return f"{r['median']:.2f} s ({r['min']:.2f}–{r['max']:.2f})"


imports = load("import-developments")
pax = load("import-pax")
if imports or pax:
    print("### Imports\n")
    print("Each run imports into a fresh copy of the corpus made without developments (`accord generate --developments 0`, same seed), so the tables, indexes and triggers are those of the corpus. Peak memory is the maximum resident set size from `/usr/bin/time -v`; growth is how much the file grew, checkpointed.\n")
if imports:
    results = {r["command"]: r for r in imports["results"]}
    memory = load("import-developments", "-memory") or {}
    growth = load("import-developments", "-growth") or {}
    rows = sum(1 for _ in open(os.path.join(out, [f for f in os.listdir(out) if f.endswith("-rows.ndjson")][0])))
    print(f"Importing {rows:,} developments (an `accord export --format ndjson --only development` file):\n")
    print("| tool | command | median (min–max) | Accord's ratio | file growth | peak memory |")
    print("|---|---|---|---|---|---|")
    a = results["accord"]
    described = [
        ("accord", "Accord", "`accord import developments.ndjson` (search index and change log included)"),
        ("sqlite3", "sqlite3", "`.import --csv` of the same rows into the development table (its indexes; no search index, no log)"),
        ("sqlite-utils", "sqlite-utils", "`insert --nl --pk id` of the same lines into a table of its own"),
        ("sqlite-utils-fts", "sqlite-utils + FTS", "the same, then `enable-fts … text --create-triggers`"),
    ]
    for key, tool, command in described:
        if key not in results:
            continue
        r = results[key]
        ratio = "—" if key == "accord" else f"{a['median'] / r['median']:.2f}×"
        grew = f"{growth[key] / 1e6:.1f} MB" if key in growth else "—"
        peak = f"{memory[key] / 1024:.0f} MB" if key in memory else "—"
        print(f"| {tool} | {command} | {seconds(r)} | {ratio} | {grew} | {peak} |")
    print("")
    if "sqlite-utils-fts" in results:
        u = results["sqlite-utils-fts"]
        faster = u["median"] / a["median"]
        print(f"- Target ≥ 3× faster than sqlite-utils + FTS: {faster:.2f}× — " + ("met" if faster >= 3 else "**missed**"))
    if "accord" in growth and "sqlite-utils-fts" in growth:
        print(f"- Target a file no larger than sqlite-utils + FTS: {growth['accord'] / 1e6:.1f} MB against {growth['sqlite-utils-fts'] / 1e6:.1f} MB — " + ("met" if growth["accord"] <= growth["sqlite-utils-fts"] else "**missed**"))
    everything = load("import-all-memory")
    if everything:
        print(f"- The whole corpus's {int(developments):,} developments, once: {everything['seconds']:.1f} s, peak memory {everything['kilobytes'] / 1024:.0f} MB (target < 100 MB) — " + ("met" if everything["kilobytes"] / 1024 < 100 else "**missed**"))
    elif "accord" in memory:
        print(f"- Target peak memory < 100 MB: {memory['accord'] / 1024:.0f} MB — " + ("met" if memory["accord"] / 1024 < 100 else "**missed**"))
    print("")
if pax:
    results = {r["command"]: r for r in pax["results"]}
    a = results["accord"]
    print("Importing a PA-X export of the full release's size and shape (`bench/pax-synthetic.py`: 1,868 agreements in 154 processes, all 266 columns, multi-line signatory lists, from the excerpt's real rows):\n")
    print("| tool | command | median (min–max) | Accord's ratio |")
    print("|---|---|---|---|")
    for key, tool, command in [
        ("accord", "Accord", "`accord import --from pax` (negotiations, proposals, per-party steps, signatories matched)"),
        ("sqlite3", "sqlite3", "`.import --csv` into one table"),
        ("sqlite-utils", "sqlite-utils", "`insert --csv` into one table"),
    ]:
        if key in results:
            r = results[key]
            ratio = "—" if key == "accord" else f"{a['median'] / r['median']:.2f}×"
            print(f"| {tool} | {command} | {seconds(r)} | {ratio} |")
    print("")
    print(f"- Target ≤ 1.0 s: {a['median']:.2f} s — " + ("met" if a["median"] <= 1.0 else "**missed**"))
    print("")
suite = os.path.join(out, "suite-seconds.txt")
if os.path.exists(suite):
    print("### The test suite\n")
    print(f"`swift test` after `swift build --build-tests` on this machine: {float(open(suite).read()):.0f} s (target ≤ 180 s on 2 cores).\n")
notes = os.path.join("bench", "NOTES.md")
if os.path.exists(notes):
    print(open(notes).read())
