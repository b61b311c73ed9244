#!/usr/bin/env python3
"""Writes a deterministic lot genealogy for the benchmarks as two CSV files for COPY.

    genealogy.py LOTS OUT_DIR [SEED]

OUT_DIR/lots.csv holds (id, lot_code, lot_type, status, weight_kg, created_at, updated_at) and
OUT_DIR/links.csv (parent_lot_id, child_lot_id, quantity_used_kg, linked_at), loaded with
COPY lots (...) FROM / COPY lot_genealogy (...) FROM. The same LOTS and SEED write the same
files byte for byte.

The plant works every day for about two years (730 days when LOTS allows it): each day the same
number of lots of each type, RAW -> DEB -> BULK -> MIX -> SKW -> FRZ -> FG. A DEB lot comes from
one RAW lot of its day, BULK from two DEB, MIX from four BULK of its day and the two days
before (a mix draws across days), SKW from two MIX, FRZ from two SKW, FG from two FRZ of its
day or the day before. Every link draws 1.00 kg; RAW lots weigh 500.00 kg, the rest 100.00 kg,
so no lot is overdrawn. Lot codes are TYPE-DAY-N, e.g. FG-0729-0012.
"""

import csv
import datetime
import random
import sys
import uuid

TYPES = ["RAW", "DEB", "BULK", "MIX", "SKW", "FRZ", "FG"]
# lot type: (parent type, parents per lot, days back the parents may come from)
PARENTS = {
    "DEB": ("RAW", 1, 0),
    "BULK": ("DEB", 2, 0),
    "MIX": ("BULK", 4, 2),
    "SKW": ("MIX", 2, 0),
    "FRZ": ("SKW", 2, 0),
    "FG": ("FRZ", 2, 1),
}
START = datetime.datetime(2024, 12, 1, 6, 0, tzinfo=datetime.timezone.utc)


def main():
    lots = int(sys.argv[1])
    out = sys.argv[2]
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 20261204)
    per_day_all = len(TYPES)
    days = max(1, min(730, lots // (per_day_all * 4)))
    per_type = max(1, lots // (days * per_day_all))
    ids = {}  # (type, day) -> list of ids
    with open(f"{out}/lots.csv", "w", newline="") as lf, open(f"{out}/links.csv", "w", newline="") as gf:
        lw = csv.writer(lf)
        gw = csv.writer(gf)
        for day in range(days):
            for step, lot_type in enumerate(TYPES):
                made = []
                for n in range(per_type):
                    lot_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
                    at = START + datetime.timedelta(days=day, hours=step, seconds=n)
                    stamp = at.strftime("%Y-%m-%d %H:%M:%S+00")
                    weight = "500.00" if lot_type == "RAW" else "100.00"
                    lw.writerow([lot_id, f"{lot_type}-{day:04d}-{n:04d}", lot_type, "RELEASED",
                                 weight, stamp, stamp])
                    if lot_type in PARENTS:
                        parent_type, count, back = PARENTS[lot_type]
                        pool = [p for d in range(max(0, day - back), day + 1)
                                for p in ids[(parent_type, d)]]
                        for parent in rng.sample(pool, min(count, len(pool))):
                            gw.writerow([parent, lot_id, "1.00", stamp])
                    made.append(lot_id)
                ids[(lot_type, day)] = made
            # What no later lot can draw from any more is forgotten.
            for lot_type in TYPES:
                ids.pop((lot_type, day - 3), None)
    print(f"{days * per_type * per_day_all} lots over {days} days, {per_type} of each type a day")


if __name__ == "__main__":
    main()
