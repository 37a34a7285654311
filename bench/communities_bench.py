#!/usr/bin/python3
"""Side-by-side benchmark of Lockstep's community detection against igraph's Leiden (and JGraphT's label propagation).

Needs the Debian packages python3-igraph and python3-networkx (apt-get install -y python3-igraph python3-networkx);
run with /usr/bin/python3. igraph is used here only, never by Lockstep at run time.

Graphs (all generated with fixed seeds):
  karate            Zachary's karate club (34 nodes, 78 edges), planted = the two factions
  lfr-mu0.1..0.5    NetworkX LFR_benchmark_graph, n=20000, tau1=3, tau2=1.5, <k>=20, kmax=50, communities 20..100
  planted-2m        planted partition: 300,000 nodes in 300 groups of 1,000, ~1.8M edges, 80% of them inside groups

For each graph it runs igraph's community_leiden(objective_function="modularity", n_iterations=2) and Lockstep's
Leiden (io.lockstep.community.CommunitiesBenchmark on the core module's classpath), each REPEAT times, and prints
modularity, NMI against the planted communities (igraph's compare_communities, method "nmi"), the algorithm's own
seconds (median of REPEAT runs; graph loading excluded on both sides) and the ratios. JGraphT's
LabelPropagationClustering is timed once per graph listed in --jgrapht (default: lfr-mu0.3 and planted-2m), next
to Lockstep's label propagation and Leiden.

Usage (from the repository root):
  mvn -B -q -o -pl core test-compile
  mvn -B -q -o -pl core dependency:build-classpath -Dmdep.outputFile=/tmp/lockstep-core.cp
  /usr/bin/python3 bench/communities_bench.py --classpath-file /tmp/lockstep-core.cp [--repeat 3] [--out /tmp/lockstep-bench]
"""
import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

import igraph as ig
import networkx as nx
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def write_edges(path, edges):
    with open(path, "w") as f:
        f.write("".join(f"{u} {v}\n" for u, v in edges))


def karate():
    g = nx.karate_club_graph()
    planted = [0 if g.nodes[v]["club"] == "Mr. Hi" else 1 for v in range(34)]
    return 34, list(g.edges()), planted


def lfr(mu, seed):
    for attempt in range(10):
        try:
            g = nx.LFR_benchmark_graph(20000, 3, 1.5, mu, average_degree=20, max_degree=50, min_community=20,
                                       max_community=100, seed=seed + attempt)
            break
        except nx.ExceededMaxIterations:
            continue
    else:
        raise RuntimeError(f"LFR generation failed for mu={mu}")
    g.remove_edges_from(nx.selfloop_edges(g))
    planted = [0] * g.number_of_nodes()
    seen = {}
    for v in g:
        key = min(g.nodes[v]["community"])
        planted[v] = seen.setdefault(key, len(seen))
    return g.number_of_nodes(), list(g.edges()), planted


def planted_partition(seed, groups=300, size=1000, inside=1_440_000, outside=360_000):
    rng = np.random.default_rng(seed)
    n = groups * size
    g = rng.integers(0, groups, inside)
    u_in = g * size + rng.integers(0, size, inside)
    v_in = g * size + rng.integers(0, size, inside)
    u_out = rng.integers(0, n, outside)
    v_out = rng.integers(0, n, outside)
    u = np.concatenate([u_in, u_out])
    v = np.concatenate([v_in, v_out])
    keep = u != v
    lo = np.minimum(u[keep], v[keep])
    hi = np.maximum(u[keep], v[keep])
    pairs = np.unique(lo.astype(np.int64) * n + hi)
    edges = list(zip((pairs // n).tolist(), (pairs % n).tolist()))
    planted = [v // size for v in range(n)]
    return n, edges, planted


def run_igraph(n, edges, repeat, seed):
    g = ig.Graph(n=n, edges=edges)
    times, result = [], None
    for r in range(repeat):
        random.seed(seed + r)
        t = time.perf_counter()
        result = g.community_leiden(objective_function="modularity", n_iterations=2)
        times.append(time.perf_counter() - t)
    return g, result.membership, times


def run_java(classpath, algo, edge_file, out_file, repeat, seed):
    cmd = ["java", "-Xmx6g", "-cp", classpath, "io.lockstep.community.CommunitiesBenchmark", algo, edge_file,
           out_file, str(repeat), str(seed)]
    line = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    res = json.loads(line)
    with open(out_file) as f:
        res["membership"] = [int(x) for x in f.read().split()]
    return res, " ".join(cmd)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--classpath-file", required=True, help="output of dependency:build-classpath for core")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--out", default="/tmp/lockstep-bench")
    ap.add_argument("--graphs", default="karate,lfr-mu0.1,lfr-mu0.2,lfr-mu0.3,lfr-mu0.4,lfr-mu0.5,planted-2m")
    ap.add_argument("--jgrapht", default="lfr-mu0.3,planted-2m", help="graphs on which to time JGraphT's LPA")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with open(args.classpath_file) as f:
        deps = f.read().strip()
    # snapshot the compiled classes so that rebuilding the worktree during a long run cannot change what is measured
    snapshot = os.path.join(args.out, "classes")
    shutil.rmtree(snapshot, ignore_errors=True)
    shutil.copytree(os.path.join(ROOT, "core/target/classes"), os.path.join(snapshot, "main"))
    shutil.copytree(os.path.join(ROOT, "core/target/test-classes"), os.path.join(snapshot, "test"))
    classpath = ":".join([os.path.join(snapshot, "main"), os.path.join(snapshot, "test"), deps])
    print(f"igraph {ig.__version__}, networkx {nx.__version__}, java: "
          + subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0])
    rows = []
    for name in args.graphs.split(","):
        t = time.perf_counter()
        if name == "karate":
            n, edges, planted = karate()
        elif name.startswith("lfr-mu"):
            n, edges, planted = lfr(float(name[len("lfr-mu"):]), args.seed)
        elif name == "planted-2m":
            n, edges, planted = planted_partition(args.seed)
        else:
            raise SystemExit(f"unknown graph {name}")
        edge_file = os.path.join(args.out, f"{name}.edges")
        write_edges(edge_file, edges)
        print(f"\n== {name}: {n} nodes, {len(edges)} edges (generated in {time.perf_counter() - t:.1f} s), "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus", flush=True)
        g, ig_membership, ig_times = run_igraph(n, edges, args.repeat, args.seed)
        ig_q = g.modularity(ig_membership)
        ig_nmi = ig.compare_communities(ig_membership, planted, method="nmi")
        ig_sec = statistics.median(ig_times)
        ours, cmd = run_java(classpath, "leiden", edge_file, os.path.join(args.out, f"{name}.leiden.txt"),
                             args.repeat, args.seed)
        our_q = g.modularity(ours["membership"])  # igraph's modularity of our partition: an independent check
        our_nmi = ig.compare_communities(ours["membership"], planted, method="nmi")
        row = {"graph": name, "nodes": n, "edges": len(edges),
               "igraph_modularity": ig_q, "igraph_nmi": ig_nmi, "igraph_seconds": ig_sec,
               "igraph_communities": max(ig_membership) + 1,
               "lockstep_modularity": our_q, "lockstep_modularity_java": ours["modularity"], "lockstep_nmi": our_nmi,
               "lockstep_seconds": ours["median_seconds"], "lockstep_first_seconds": ours["first_seconds"],
               "lockstep_communities": ours["communities"], "bytes_per_edge": ours["bytes_per_edge"],
               "modularity_ratio": our_q / ig_q if ig_q else 1.0, "nmi_diff": our_nmi - ig_nmi,
               "time_ratio": ours["median_seconds"] / ig_sec if ig_sec else float("nan")}
        print(f"igraph   leiden: Q={ig_q:.5f} NMI={ig_nmi:.4f} k={row['igraph_communities']} "
              f"t={ig_sec:.3f}s (runs {', '.join(f'{x:.3f}' for x in ig_times)})")
        print(f"lockstep leiden: Q={our_q:.5f} NMI={our_nmi:.4f} k={ours['communities']} "
              f"t={ours['median_seconds']:.3f}s (first {ours['first_seconds']:.3f}s) "
              f"mem={ours['bytes_per_edge']:.1f} B/edge")
        print(f"ratios: modularity {row['modularity_ratio']:.4f}, NMI diff {row['nmi_diff']:+.4f}, "
              f"time {row['time_ratio']:.2f}x igraph")
        if name in args.jgrapht.split(","):
            lpa, _ = run_java(classpath, "lpa", edge_file, os.path.join(args.out, f"{name}.lpa.txt"), args.repeat, args.seed)
            jg, _ = run_java(classpath, "jgrapht-lpa", edge_file, os.path.join(args.out, f"{name}.jgrapht-lpa.txt"), 1, args.seed)
            row.update({"lockstep_lpa_seconds": lpa["median_seconds"], "lockstep_lpa_modularity": lpa["modularity"],
                        "jgrapht_lpa_seconds": jg["median_seconds"], "jgrapht_lpa_modularity": jg["modularity"],
                        "jgrapht_over_lockstep_lpa": jg["median_seconds"] / lpa["median_seconds"],
                        "jgrapht_lpa_over_lockstep_leiden": jg["median_seconds"] / ours["median_seconds"]})
            print(f"label propagation: lockstep {lpa['median_seconds']:.3f}s (Q={lpa['modularity']:.4f}), "
                  f"JGraphT {jg['median_seconds']:.3f}s (Q={jg['modularity']:.4f}): "
                  f"JGraphT/lockstep-lpa = {row['jgrapht_over_lockstep_lpa']:.1f}x, "
                  f"JGraphT-lpa/lockstep-leiden = {row['jgrapht_lpa_over_lockstep_leiden']:.1f}x")
        rows.append(row)
        sys.stdout.flush()
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(rows, f, indent=1)
    print("\n| graph | nodes | edges | igraph Q | ours Q | Q ratio | igraph NMI | ours NMI | igraph s | ours s | time ratio |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['graph']} | {r['nodes']} | {r['edges']} | {r['igraph_modularity']:.4f} | {r['lockstep_modularity']:.4f} "
              f"| {r['modularity_ratio']:.4f} | {r['igraph_nmi']:.4f} | {r['lockstep_nmi']:.4f} | {r['igraph_seconds']:.3f} "
              f"| {r['lockstep_seconds']:.3f} | {r['time_ratio']:.2f} |")


if __name__ == "__main__":
    main()
