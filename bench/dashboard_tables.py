"""The dashboard's per-filter table time: every comparison table alone on the integer-code tables (`codes.encode_ids`,
the filter applied as `state.table` applies it), CPU seconds summed over the tables, the best of two runs.

    python -m bench.dashboard_tables OUT_DIR      # OUT_DIR: the --out folder of `framing analyze`
"""

from __future__ import annotations

import sys
import time


def main() -> int:
    from framing.aggregate import codes
    from framing.aggregate.filters import Filter
    from framing.aggregate.tables import TABLES
    from framing.pipeline import read_analysis

    fast, _ = codes.encode_ids(read_analysis(sys.argv[1]))
    outlets = fast.articles["outlet"].drop_nulls().unique().sort().head(3).to_list()
    for flt in (Filter(), Filter(outlets=tuple(outlets))):
        view = codes.apply_searched(fast, flt, None)
        best: dict[str, float] = {}
        for _ in range(2):
            for name, spec in TABLES.items():
                if name in ("text_reuse", "outlet_reuse") or spec.source:  # reuse: found once per corpus
                    continue
                started = time.process_time()
                spec(view, by="outlet")
                best[name] = min(best.get(name, float("inf")), time.process_time() - started)
        slowest = ", ".join(f"{k} {v:.2f} s" for k, v in sorted(best.items(), key=lambda kv: -kv[1])[:3])
        print(f"{flt.describe()}: {sum(best.values()):.2f} s CPU ({slowest})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
