#!/usr/bin/python3
"""CPU-seconds per thread of a running JVM (or any Linux process), from /proc: where a benchmark's CPU goes,
including the threads a Java profiler does not sample (the JIT's compiler threads, the collector's).

  thread_cpu.py record PID OUT      every 0.5 s, appends one JSON line to OUT: seconds since the start and, per
                                    thread id, its name and its user+system clock ticks; stops when PID ends
  thread_cpu.py sum OUT [FROM TO]   CPU-seconds per thread group (digits in names folded: "C2 CompilerThread0"
                                    and "C1 CompilerThread0" are "CN CompilerThreadN") between FROM and TO seconds
                                    of the recording (default: all of it); a thread that ended inside the window
                                    counts up to its last sample

Java names its threads in /proc after their first 15 characters ("lockstep-bulk-i" is lockstep-bulk-importer).
Used for issue #13's import ratio (docs/benchmarks.md, "Issue #13's import goals: where the CPU goes"): with
ImportBenchmark's step times the windows are the load's phases (parse and stage, the importer's remainder, the
restart with its indexes).
"""
import collections
import json
import os
import re
import sys
import time


def record(pid, out_path):
    t0 = time.time()
    with open(out_path, 'w') as out:
        while os.path.exists('/proc/%s' % pid):
            snap = {}
            try:
                tids = os.listdir('/proc/%s/task' % pid)
            except OSError:
                break
            for tid in tids:
                try:
                    with open('/proc/%s/task/%s/stat' % (pid, tid)) as f:
                        s = f.read()
                except OSError:
                    continue  # the thread ended meanwhile
                name = s[s.index('(') + 1:s.rindex(')')]
                fields = s[s.rindex(')') + 2:].split()
                snap[tid] = (name, int(fields[11]) + int(fields[12]))  # utime + stime
            out.write(json.dumps({'t': round(time.time() - t0, 2), 's': snap}) + '\n')
            out.flush()
            time.sleep(0.5)


def last_at(rows, t):
    """Every thread's last sample at or before t (threads that ended keep their last value)."""
    last = {}
    for r in rows:
        if r['t'] > t:
            break
        for tid, v in r['s'].items():
            last[tid] = v
    return last


def summarize(path, lo, hi):
    rows = [json.loads(line) for line in open(path)]
    ticks = os.sysconf('SC_CLK_TCK')
    before = last_at(rows, lo) if lo > 0 else {}
    after = last_at(rows, hi)
    groups = collections.Counter()
    for tid, (name, t) in after.items():
        groups[re.sub(r'\d+', 'N', name)] += (t - before.get(tid, (name, 0))[1]) / ticks
    print("total %.1f CPU-s" % sum(groups.values()))
    for name, seconds in groups.most_common(30):
        print("%8.1f  %s" % (seconds, name))


if __name__ == '__main__':
    if len(sys.argv) >= 4 and sys.argv[1] == 'record':
        record(sys.argv[2], sys.argv[3])
    elif len(sys.argv) in (3, 5) and sys.argv[1] == 'sum':
        summarize(sys.argv[2], float(sys.argv[3]) if len(sys.argv) == 5 else -1,
                  float(sys.argv[4]) if len(sys.argv) == 5 else float('inf'))
    else:
        print(__doc__)
        sys.exit(2)
