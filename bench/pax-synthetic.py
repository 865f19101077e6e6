"""Writes a PA-X-like CSV export of the full file's size and shape (by default 1,868 agreements
in 154 peace processes, as the full PA-X release has) from the excerpt's 15 real rows, for timing
`accord import --from pax` (the full file is not in the project).

What is kept from the real file: all 266 columns in their order, the byte-order mark, CRLF line
ends, quoted multi-line fields (signatory lists, agreement texts), the mix of statuses (signed,
unilateral, status unclear) and stages, and real signatory lists (each agreement takes the Part
and ThrdPart of an excerpt row).
What is made up, deterministically: how agreements spread over processes (a few large processes
and a long tail, as in PA-X, where the largest has about a hundred agreements), each agreement's
name, number and date (ascending within a process, 1990-2024), and the process names.

Usage: python3 bench/pax-synthetic.py EXCERPT.csv OUT.csv [AGREEMENTS] [PROCESSES]
"""
import csv, datetime, io, random, sys

source, target = sys.argv[1], sys.argv[2]
wanted = int(sys.argv[3]) if len(sys.argv) > 3 else 1868
processes = int(sys.argv[4]) if len(sys.argv) > 4 else 154
rng = random.Random(1868)

with open(source, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
col = {name: i for i, name in enumerate(header)}

# Process sizes: Zipf-like weights, every process at least one agreement.
weights = [1 / (rank + 1) ** 0.9 for rank in range(processes)]
sizes = [1] * processes
for _ in range(wanted - processes):
    sizes[rng.choices(range(processes), weights)[0]] += 1

out = io.StringIO()
writer = csv.writer(out, lineterminator="\r\n")
writer.writerow(header)
agreement = 0
for process, size in enumerate(sizes):
    start = datetime.date(1990, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 25))
    template = body[process % len(body)]
    name = f"{template[col['PPName']]} {process + 1}" if process >= len(body) else template[col["PPName"]]
    day = start
    for number in range(size):
        row = list(body[rng.randrange(len(body))])
        agreement += 1
        day = min(day + datetime.timedelta(days=rng.randrange(1, 120)), datetime.date(2024, 12, 31))
        row[col["PP"]] = str(1000 + process)
        row[col["PPName"]] = name
        row[col["AgtId"]] = str(3000 + agreement)
        row[col["Agt"]] = f"{row[col['Agt']]} ({name}, no. {number + 1})"
        row[col["Dat"]] = day.isoformat()
        writer.writerow(row)

with open(target, "w", encoding="utf-8-sig", newline="") as f:
    f.write(out.getvalue())
print(f"{target}: {agreement} agreements in {processes} processes, {len(header)} columns", file=sys.stderr)
