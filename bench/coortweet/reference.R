# CooRTweet 2.1.3 (d31a008) reference run on its own russian_coord_tweets: vignette settings and the strictest one.
.libPaths(c(commandArgs(trailingOnly = TRUE)[2], .libPaths()))
suppressMessages(library(CooRTweet)); library(data.table); library(igraph)
d <- as.data.table(russian_coord_tweets)
run <- function(tw, mp, tag) {
  t0 <- Sys.time()
  res <- detect_groups(x = copy(d), time_window = tw, min_participation = mp)
  t1 <- Sys.time()
  g <- generate_coordinated_network(copy(res), edge_weight = 0.5, subgraph = 0, objects = TRUE)
  gs <- generate_coordinated_network(copy(res), edge_weight = 0.5, subgraph = 1)
  e <- as_data_frame(g, what = "edges")
  setDT(e)
  e[, a := pmin(from, to)][, b := pmax(from, to)]
  out <- e[, .(a, b, weight, n_content_id, n_content_id_y, avg_time_delta, weight_threshold, object_ids)]
  setorder(out, -weight, a, b)
  fwrite(out, file.path(commandArgs(trailingOnly = TRUE)[1], sprintf("coortweet-pairs-%s.csv", tag)))
  cat(sprintf("%s: detect_groups %.1f s, %d share pairs; network %d pairs / %d accounts; weight > median (%.1f) subgraph: %d pairs / %d accounts\n",
      tag, as.numeric(t1 - t0, units = "secs"), nrow(res), ecount(g), vcount(g),
      quantile(E(g)$weight, 0.5), ecount(gs), vcount(gs)))
  print(head(out[, .(a = substr(a, 1, 8), b = substr(b, 1, 8), weight, n_content_id, n_content_id_y, avg_time_delta, weight_threshold)], 8))
}
run(60, 2, "60s-2")
run(10, 5, "10s-5")
