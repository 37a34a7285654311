#!/usr/bin/env python3
"""thread_cpu.py PID OUTFILE

Samples the CPU time of every thread of process PID (/proc/PID/task/*/stat) every 2 s until the process ends, then
writes to OUTFILE: the total, the CPU-seconds per thread group (JIT, GC, main, parsing, staging, Neo4j's importer,
index population, write-back, pictures, ...), per thread name (digits folded to #) and the process's cumulative CPU
every 10 s. A thread's figure is its last reading, so a thread that ended within 2 s of a reading is a little short.
Linux truncates thread names to 15 characters ("lockstep-bulk-staging" reads "lockstep-bulk-s").

Typical use, beside a run:  java ... & python3 bench/thread_cpu.py $! threads.txt
"""
import collections
import os
import re
import sys
import time

GROUPS = [(r"C1 Compiler|C2 Compiler|CompilerThre", "JIT"), (r"GC Thread|VM Thread", "GC"),
          (r"^main$|^java$", "main"), (r"^lockstep-import", "parsing"), (r"^lockstep-bulk-s", "staging"),
          (r"^lockstep-bulk-i", "importer feed"), (r"IndexPopu", "index population"),
          (r"^lockstep-write", "write-back"), (r"^lockstep-pictu", "pictures"), (r"^lockstep-graph", "graph.graphml"),
          (r"^lockstep-follow", "lockstep-follow workers"), (r"^lockstep-worker", "lockstep workers"),
          (r"^lockstep-dbms", "warm-up DBMS"),
          (r"Importer|^LINK|^COUNT|^CALCULATE|^RELATIONSHIP|^>-|^v-", "Neo4j importer stages"),
          (r"neo4j|Neo4j|Bolt|PageCache", "Neo4j other")]


def group(name):
    for pattern, g in GROUPS:
        if re.search(pattern, name):
            return g
    return "other"


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    pid, out = int(sys.argv[1]), sys.argv[2]
    hz = os.sysconf("SC_CLK_TCK")
    last = {}
    series = []
    t0 = time.time()
    while True:
        try:
            tids = os.listdir("/proc/%d/task" % pid)
        except FileNotFoundError:
            break
        for t in tids:
            try:
                with open("/proc/%d/task/%s/stat" % (pid, t)) as f:
                    s = f.read()
            except (FileNotFoundError, ProcessLookupError):
                continue
            name = s[s.index("(") + 1:s.rindex(")")]
            fields = s[s.rindex(")") + 2:].split()
            last[t] = (name, (int(fields[11]) + int(fields[12])) / hz)  # utime + stime
        series.append((time.time() - t0, sum(c for _, c in last.values())))
        time.sleep(2)
    groups, names = collections.Counter(), collections.Counter()
    for name, cpu in last.values():
        groups[group(name)] += cpu
        names[re.sub(r"\d+", "#", name)] += cpu
    with open(out, "w") as f:
        f.write("total %.1f\n" % sum(groups.values()))
        for g, c in groups.most_common():
            f.write("group %-24s %8.1f\n" % (g, c))
        for n, c in names.most_common(40):
            f.write("name  %-24s %8.1f\n" % (n, c))
        for t, c in series[::5]:
            f.write("t %.0f %.1f\n" % (t, c))


if __name__ == "__main__":
    main()
