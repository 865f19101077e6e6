"""Writes a synthetic PA-X CSV export of the full file's size (about 1,900 agreements) from the
excerpt's 15 rows, for timing `accord import --from pax` (the full file is not in the project).

Each copy of a row gets a new AgtId, a peace process of its own copy (PP and PPName varied), and
its date moved on by some days; everything else (the 266 columns, quoted multi-line signatory
lists, the byte-order mark, CRLF line ends) is kept as in the real file.

Usage: python3 bench/pax-synthetic.py EXCERPT.csv OUT.csv [AGREEMENTS]   (default 1900)
"""
import csv, datetime, io, sys

source, target = sys.argv[1], sys.argv[2]
wanted = int(sys.argv[3]) if len(sys.argv) > 3 else 1900

with open(source, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f))
header, body = rows[0], rows[1:]
col = {name: i for i, name in enumerate(header)}

out = io.StringIO()
writer = csv.writer(out, lineterminator="\r\n")
writer.writerow(header)
copy = 0
while copy * len(body) < wanted:
    for row in body:
        if copy * len(body) + body.index(row) >= wanted:
            break
        r = list(row)
        if copy > 0:
            r[col["AgtId"]] = str(10000 + copy * 100 + body.index(row))
            r[col["PP"]] = str(int(r[col["PP"]]) + 1000 * copy)
            r[col["PPName"]] = f"{r[col['PPName']]} (copy {copy})"
            day = datetime.date.fromisoformat(r[col["Dat"]]) + datetime.timedelta(days=copy * 3)
            r[col["Dat"]] = day.isoformat()
        writer.writerow(r)
    copy += 1

with open(target, "w", encoding="utf-8-sig", newline="") as f:
    f.write(out.getvalue())
