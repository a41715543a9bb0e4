"""A reviewer process for the team tests and the benchmark.

``python writer_proc.py SPEC_JSON`` opens the team workspace at ``spec["url"]`` and
makes ``spec["n"]`` changes (or runs until killed when ``n`` is 0), cycling through
``spec["targets"]`` ([article id, claim id] pairs) and changing ``spec["field"]``
(status or note). After each acknowledged change it prints one line
``ack I ARTICLE CLAIM FIELD VALUE SECONDS`` and flushes; a Conflict prints
``conflict I ARTICLE CLAIM``. The first line is ``ready`` once the store is open;
with ``spec["report_cpu"]`` the last is ``cpu SECONDS`` (this process's CPU time
for the changes, after ``ready``).
"""

from __future__ import annotations

import json
import sys
import time

from workbench.core.errors import Conflict
from workbench.core.store.postgres import open_postgres_store

STATUSES = ("in_progress", "verified", "false", "disputed", "inconclusive")


def main() -> None:
    spec = json.loads(sys.argv[1])
    out = sys.stdout
    with open_postgres_store(spec["url"]) as st:
        if spec.get("read_first"):
            for aid in sorted({t[0] for t in spec["targets"]}):
                st.verdicts(aid)
        out.write("ready\n")
        out.flush()
        if spec.get("wait_stdin"):
            sys.stdin.readline()
        cpu0 = time.process_time()
        n, i = int(spec["n"]), 0
        targets = spec["targets"]
        while n == 0 or i < n:
            aid, cid = targets[i % len(targets)]
            if spec["field"] == "status":
                value = STATUSES[(i // len(targets) + spec.get("offset", 0)) % len(STATUSES)]
            else:
                value = f"{st.reviewer} note {i}"
            t0 = time.perf_counter()
            try:
                if spec["field"] == "status":
                    st.set_status(aid, cid, value)
                else:
                    st.set_note(aid, cid, value)
            except Conflict:
                out.write(f"conflict {i} {aid} {cid}\n")
            else:
                dt = time.perf_counter() - t0
                out.write(
                    f"ack {i} {aid} {cid} {spec['field']} {value.replace(' ', '_')} {dt:.6f}\n"
                )
            out.flush()
            i += 1
        if spec.get("report_cpu"):
            out.write(f"cpu {time.process_time() - cpu0:.4f}\n")


if __name__ == "__main__":
    main()
