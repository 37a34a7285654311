#!/usr/bin/python3
"""Batch community detection side by side: `lockstep communities` on a directory of networks against igraph's Leiden.

Issue #13 asks that a batch over many small graphs take no more than igraph's summed time, with Lockstep's modularity
at least 99.95 % of igraph's on each network, and that a 20k-node LFR graph take at most 1.5x igraph's time in a
fresh process. Each round here measures both sides one after the other, so the ratios hold under the shared machine's
load (printed with every round):

  igraph   python-igraph in this process: every network read first (not timed), then
           community_leiden(objective_function="modularity", n_iterations=2) after random.seed(42), timed one by one
           (wall and CPU) and summed;
  lockstep `lockstep communities --seed 42 --out OUT DIR` in a fresh JVM through the launcher (class-data archive,
           C1 alone as the launcher runs this command); the algorithm's seconds summed from OUT/summary.csv, and the
           whole process (JVM start, reading, writing) timed as well;
  c2       (with --c2) the same with LOCKSTEP_JAVA_OPTS adding -XX:TieredStopAtLevel=4, i.e. C2 as other commands.

Both read each file as one undirected graph (ids in no edge dropped, self-loops kept). Modularity of both partitions
is computed by igraph (Graph.modularity) on the same graph, ours from the membership files the command wrote.
The LFR graph is NetworkX's LFR_benchmark_graph(20000, tau1=3, tau2=1.5, mu=0.3, average_degree=20, max_degree=50,
min_community=20, max_community=100, seed=42), the lfr-mu0.3 graph of communities_bench.py.

Needs the Debian packages python3-igraph and python3-networkx, and the built jar (./lockstep builds it). Usage:
  /usr/bin/python3 bench/batch_communities_bench.py --networks DIR [--rounds 3] [--c2] [--work /tmp/lockstep-batch]
      [--lockstep-args '--restarts 4']
DIR holds *.edgelist files, e.g. network_data/*/ of alesalloum/normalized_polarization flattened into one directory.
"""
import argparse
import csv
import glob
import json
import os
import random
import resource
import shutil
import subprocess
import time

import igraph as ig

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load(path):
    g = ig.Graph.Read_Edgelist(path, directed=False)
    g.vs["name"] = [str(i) for i in range(g.vcount())]
    g.simplify(multiple=True, loops=False, combine_edges="sum")
    g.delete_vertices([v.index for v in g.vs if v.degree() == 0])
    return g


def run_igraph(graphs):
    wall = cpu = 0.0
    quality = {}
    for name, g in graphs.items():
        random.seed(42)
        t, c = time.perf_counter(), time.process_time()
        part = g.community_leiden(objective_function="modularity", n_iterations=2)
        wall += time.perf_counter() - t
        cpu += time.process_time() - c
        quality[name] = g.modularity(part.membership)
    return wall, cpu, quality


def run_lockstep(directory, out, c2, extra=()):
    shutil.rmtree(out, ignore_errors=True)
    env = dict(os.environ)
    if c2:
        env["LOCKSTEP_JAVA_OPTS"] = "-XX:MaxRAMPercentage=60 -XX:+UseParallelGC -XX:TieredStopAtLevel=4"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([os.path.join(ROOT, "lockstep"), "communities", "--seed", "42", *extra, "--out", out, directory],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    with open(os.path.join(out, "summary.csv")) as f:
        rows = list(csv.DictReader(f))
    seconds = sum(float(r["seconds"]) for r in rows)
    return seconds, wall, cpu, rows


def our_quality(graphs, out):
    quality = {}
    for name, g in graphs.items():
        stem = name[:-len(".edgelist")] if name.endswith(".edgelist") else os.path.splitext(name)[0]
        with open(os.path.join(out, stem + ".membership.csv")) as f:
            m = {r["node"]: int(r["community"]) for r in csv.DictReader(f)}
        quality[name] = g.modularity([m[v["name"]] for v in g.vs])
    return quality


def lfr_dir(work):
    d = os.path.join(work, "lfr")
    path = os.path.join(d, "lfr-mu0.3.edgelist")
    if not os.path.exists(path):
        import networkx as nx
        os.makedirs(d, exist_ok=True)
        g = nx.LFR_benchmark_graph(20000, 3, 1.5, 0.3, average_degree=20, max_degree=50, min_community=20,
                                   max_community=100, seed=42)
        g.remove_edges_from(nx.selfloop_edges(g))
        with open(path, "w") as f:
            f.write("".join(f"{u} {v}\n" for u, v in g.edges()))
    return d


def side_by_side(label, directory, graphs, work, c2, round_no, extra=()):
    load_before = os.getloadavg()[0]
    ig_wall, ig_cpu, ig_q = run_igraph(graphs)
    out = os.path.join(work, f"out-{label}")
    ls_sec, ls_wall, ls_cpu, _ = run_lockstep(directory, out, False, extra)
    ls_q = our_quality(graphs, out)
    row = {"round": round_no, "set": label, "networks": len(graphs), "load_before": load_before,
           "igraph_seconds": ig_wall, "igraph_cpu": ig_cpu, "lockstep_seconds": ls_sec,
           "lockstep_process_wall": ls_wall, "lockstep_process_cpu": ls_cpu,
           "ratio": ls_sec / ig_wall if ig_wall > 0 else float("nan")}
    if c2:
        c2_sec, c2_wall, c2_cpu, _ = run_lockstep(directory, out + "-c2", True)
        row.update({"c2_seconds": c2_sec, "c2_process_wall": c2_wall, "c2_process_cpu": c2_cpu,
                    "c2_ratio": c2_sec / ig_wall if ig_wall > 0 else float("nan")})
    ratios = sorted((ls_q[n] / ig_q[n], n) for n in graphs if ig_q[n] > 0)
    row.update({"igraph_mean_q": sum(ig_q.values()) / len(ig_q), "lockstep_mean_q": sum(ls_q.values()) / len(ls_q),
                "below_99_95": sum(1 for r, _ in ratios if r < 0.9995), "lowest_q_ratio": ratios[0][0],
                "lowest_q_network": ratios[0][1], "load_after": os.getloadavg()[0]})
    return row


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--networks", required=True, help="directory of *.edgelist files")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--c2", action="store_true", help="also run lockstep with C2 (TieredStopAtLevel=4)")
    ap.add_argument("--work", default="/tmp/lockstep-batch")
    ap.add_argument("--lockstep-args", default="", help="more options for lockstep communities, e.g. '--restarts 4'")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    print(f"igraph {ig.__version__}; " + subprocess.run(["java", "-version"], capture_output=True,
                                                         text=True).stderr.splitlines()[0], flush=True)
    nets = {os.path.basename(p): load(p) for p in sorted(glob.glob(os.path.join(args.networks, "*.edgelist")))}
    lfr = lfr_dir(args.work)
    lfr_graphs = {os.path.basename(p): load(p) for p in glob.glob(os.path.join(lfr, "*.edgelist"))}
    rows = []
    for r in range(1, args.rounds + 1):
        for label, directory, graphs in (("batch", args.networks, nets), ("lfr", lfr, lfr_graphs)):
            row = side_by_side(label, directory, graphs, args.work, args.c2, r, args.lockstep_args.split())
            rows.append(row)
            print(json.dumps({k: round(v, 4) if isinstance(v, float) else v for k, v in row.items()}), flush=True)
    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump(rows, f, indent=1)
    print("round set      load  igraph s (cpu)   lockstep s  ratio" + ("   c2 s  c2 ratio" if args.c2 else "")
          + "  process wall/cpu  mean Q igraph/ours  below 99.95%  lowest Q ratio")
    for x in rows:
        print(f"{x['round']:>5} {x['set']:<6} {x['load_before']:5.1f}  {x['igraph_seconds']:6.3f} ({x['igraph_cpu']:5.3f})"
              f"  {x['lockstep_seconds']:10.3f}  {x['ratio']:5.2f}"
              + (f"  {x['c2_seconds']:5.3f}  {x['c2_ratio']:8.2f}" if args.c2 else "")
              + f"  {x['lockstep_process_wall']:7.2f}/{x['lockstep_process_cpu']:5.2f}"
              f"  {x['igraph_mean_q']:.5f}/{x['lockstep_mean_q']:.5f}  {x['below_99_95']:>4} of {x['networks']}"
              f"  {x['lowest_q_ratio']:.4f} ({x['lowest_q_network']})")


if __name__ == "__main__":
    main()
