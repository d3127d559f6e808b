"""Print the load check's figures from locust's CSV files (argv[1] is their prefix): requests,
failures, requests a second and p50/p95/p99 per endpoint. Exits 1 if any request failed."""

from __future__ import annotations

import csv
import sys
from pathlib import Path


def main() -> int:
    prefix = sys.argv[1]
    with Path(f"{prefix}_stats.csv").open() as file:
        rows = list(csv.DictReader(file))
    header = ("requests", "failed", "req/s", "p50", "p95", "p99")
    print(f"{'endpoint':48} " + " ".join(f"{title:>8}" for title in header))
    for row in rows:
        name = row["Name"] if row["Name"] != "Aggregated" else "all requests"
        print(
            f"{name[:48]:48} {row['Request Count']:>8} {row['Failure Count']:>8} "
            f"{float(row['Requests/s']):8.1f} {row['50%']:>8} {row['95%']:>8} {row['99%']:>8}"
        )
    print("(times in ms)")
    total = next(row for row in rows if row["Name"] == "Aggregated")
    failures_file = Path(f"{prefix}_failures.csv")
    if failures_file.exists():
        with failures_file.open() as file:
            for failure in csv.DictReader(file):
                print(
                    f"FAILED {failure['Occurrences']}x {failure['Method']} {failure['Name']}: "
                    f"{failure['Error']}"
                )
    if int(total["Request Count"]) == 0:
        print("no requests were made")
        return 1
    return 1 if int(total["Failure Count"]) else 0


if __name__ == "__main__":
    sys.exit(main())
