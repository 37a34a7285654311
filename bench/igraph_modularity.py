#!/usr/bin/python3
"""igraph's modularity on every *.edgelist file of a directory, as a CSV (the expected figures of the
finnish-retweet-networks test resources come from it).

Each file is read as an undirected graph (python-igraph's Read_Edgelist; ids that occur in no edge are dropped,
repeated pairs summed, self-loops kept, as Lockstep's `communities` reads it) and partitioned by igraph's Leiden
(objective_function="modularity", n_iterations=2) after Python's random.seed(42) (python-igraph draws its random
numbers from Python's random module), then once for each seed 0..19, whose median is the second figure.

Needs the Debian package python3-igraph (benchmark and test-data use only). Usage:
  /usr/bin/python3 bench/igraph_modularity.py DIR > igraph-modularity.csv
"""
import glob
import os
import random
import statistics
import sys

import igraph as ig


def main():
    print("file,nodes,edges,igraph_leiden_seed42,igraph_leiden_median_seeds_0_19")
    for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.edgelist"))):
        g = ig.Graph.Read_Edgelist(f, directed=False)
        g.simplify(multiple=True, loops=False, combine_edges="sum")
        g.delete_vertices([v.index for v in g.vs if v.degree() == 0])
        random.seed(42)
        q42 = g.community_leiden(objective_function="modularity", n_iterations=2).modularity
        qs = []
        for s in range(20):
            random.seed(s)
            qs.append(g.community_leiden(objective_function="modularity", n_iterations=2).modularity)
        print(f"{os.path.basename(f)},{g.vcount()},{g.ecount()},{q42:.6f},{statistics.median(qs):.6f}")


if __name__ == "__main__":
    main()
