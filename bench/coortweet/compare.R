dir <- commandArgs(trailingOnly = TRUE)[1]
# Pair-by-pair comparison of CooRTweet's network with Lockstep's co-retweet edges on russian_coord_tweets.
# Independent re-computation of Lockstep's gates (cosine over items acted on by >= 2 accounts, Poisson null) for
# the pairs sharing >= 2 originals, to say why each pair is kept or dropped.
library(data.table)
all <- fread(file.path(dir, "russian_coord_tweets.csv"), colClasses = "character")
all[, t := as.numeric(timestamp_share)]
first <- all[!duplicated(content_id)]          # what Lockstep reads
d <- unique(first[, .(object_id, account_id, t)])
pop <- d[, .(m = uniqueN(account_id)), by = object_id]
A <- uniqueN(d$account_id)
pop[, w := 1 + log((1 + A) / (1 + m))]
ai <- unique(d[, .(account_id, object_id)])[pop, on = .(object_id)]
vol <- ai[, .(n = .N, norm2 = sum(w[m > 1]^2)), by = account_id]
j <- d[d, on = .(object_id), allow.cartesian = TRUE, nomatch = 0][account_id < i.account_id]
j[, dt := abs(t - i.t)]
pairs_within <- function(W, cap = Inf) {
  p <- unique(j[dt <= W, .(a = account_id, b = i.account_id, object_id)])
  p <- p[pop, on = .(object_id), nomatch = 0][m <= cap]
  p
}
ev60 <- pairs_within(60, 1000)
coOcc <- nrow(ev60)
crossPairs <- (sum(vol$n)^2 - sum(vol$n^2)) / 2
P <- coOcc / crossPairs
gate <- function(W) {
  ev <- pairs_within(W, 1000)
  P <- nrow(ev) / crossPairs
  g <- ev[, .(count = .N, shared_w2 = sum(w^2), m_range = paste(range(m), collapse = "-")), by = .(a, b)]
  g <- g[vol, on = .(a = account_id), nomatch = 0][, `:=`(na = n, norm_a = norm2)][, c("n", "norm2") := NULL]
  g <- g[vol, on = .(b = account_id), nomatch = 0][, `:=`(nb = n, norm_b = norm2)][, c("n", "norm2") := NULL]
  g[, cosine := pmin(1, shared_w2 / sqrt(norm_a * norm_b))]
  g[, lambda := na * nb * P]
  g[, p := ppois(count - 1, lambda, lower.tail = FALSE)]
  g[]
}
g60 <- gate(60)
cat(sprintf("A = %d accounts, coOccurrences = %d, crossPairs = %.0f, P = %.4g\n", A, coOcc, crossPairs, P))
key <- function(a, b) ifelse(a < b, paste(a, b, sep = "-"), paste(b, a, sep = "-"))
g60[, pair := key(a, b)]
lk <- function(dir) { e <- fread(file.path(dir, "coordination-edges.csv"), colClasses = "character")
  e <- e[signal == "co-retweet"]; e[, pair := key(source, target)]; e }
lk_k3 <- lk(file.path(dir, "out-default")); lk_k2 <- lk(file.path(dir, "out-k2")); lk_w10 <- lk(file.path(dir, "out-w10"))
cat("Lockstep co-retweet edges: defaults", nrow(lk_k3),
    ", --min-shared 2", nrow(lk_k2), ", --window 10", nrow(lk_w10), "\n")
cand <- g60[count >= 2]
cand[, lockstep_k2 := pair %in% lk_k2$pair][, lockstep_k3 := pair %in% lk_k3$pair]
cand[, why := fifelse(lockstep_k2, "kept", fifelse(cosine < 0.1 & p > 1e-3, "cosine and null model",
               fifelse(cosine < 0.1, "cosine < 0.1", fifelse(p > 1e-3, "p > 1e-3", "?"))))]
setorder(cand, -count, -cosine)
cat("\nPairs sharing >= 2 originals within 60 s (Lockstep's items: the one original above the 1,000-account cap left out)\n")
print(cand[, .(a = substr(a, 1, 8), b = substr(b, 1, 8), count, na, nb, m_range, cosine = round(cosine, 3),
               lambda = signif(lambda, 2), p = signif(p, 2), lockstep_k3, lockstep_k2, why)])
# CooRTweet
cr <- fread(file.path(dir, "coortweet-pairs-60s-2.csv"), colClasses = c(weight = "integer"))
cr[, pair := key(a, b)]
ind <- pairs_within(60)[, .(distinct = .N), by = .(a, b)][, pair := key(a, b)]
cr <- ind[, .(pair, distinct)][cr, on = .(pair)]
cr[is.na(distinct), distinct := 0]
filt <- cr[weight_threshold == 1]
cat(sprintf("\nCooRTweet 60 s / 2: %d account pairs (%d accounts), vignette filter weight > median keeps %d pairs (%d accounts)\n",
    nrow(cr), uniqueN(c(cr$a, cr$b)), nrow(filt), uniqueN(c(filt$a, filt$b))))
cat("CooRTweet filtered pairs by distinct originals shared within 60 s:\n"); print(filt[, .N, by = distinct][order(distinct)])
for (nm in c("k2", "k3")) {
  L <- if (nm == "k2") lk_k2 else lk_k3
  both <- filt[pair %in% L$pair]; onlyC <- filt[!pair %in% L$pair]; onlyL <- L[!pair %in% filt$pair]
  cat(sprintf("\nLockstep %s vs CooRTweet filtered (60 pairs): both %d, only CooRTweet %d, only Lockstep %d\n", nm,
      nrow(both), nrow(onlyC), nrow(onlyL)))
  cat(" only CooRTweet by distinct originals:\n"); print(onlyC[, .N, by = distinct][order(distinct)])
  cat(" only CooRTweet with >= 2 distinct: why\n"); print(cand[pair %in% onlyC[distinct >= 2]$pair, .N, by = why])
  if (nrow(onlyL)) { cat(" only Lockstep:\n"); print(cr[pair %in% onlyL$pair]); print(onlyL) }
  cat(" Lockstep pairs in CooRTweet's unfiltered network:", sum(L$pair %in% cr$pair), "of", nrow(L), "\n")
}
# weight-2 pairs from one original: how
one <- filt[distinct < 2]
cat("\nCooRTweet filtered pairs sharing < 2 distinct originals within 60 s:", nrow(one), "; n_content_id/n_content_id_y:\n")
print(one[, .(a = substr(a, 1, 8), b = substr(b, 1, 8), weight, distinct, n_content_id, n_content_id_y, avg_time_delta)])
# strict
cs <- fread(file.path(dir, "coortweet-pairs-10s-5.csv")); cs[, pair := key(a, b)]
ind10 <- pairs_within(10)[, .(distinct = .N), by = .(a, b)][, pair := key(a, b)]
cs <- ind10[, .(pair, distinct)][cs, on = .(pair)]
cat("\nCooRTweet 10 s / 5:", nrow(cs), "pairs;", cs[weight_threshold == 1, .N], "after its filter:", cs[weight_threshold == 1, pair], "\n")
print(cs[, .N, by = .(weight, distinct)])
cat("Lockstep --window 10:", lk_w10$pair, "counts", lk_w10$count, "\n")
g10 <- gate(10)
print(g10[count >= 2, .(a = substr(a, 1, 8), b = substr(b, 1, 8), count, na, nb, cosine = round(cosine, 3), p = signif(p, 2))])
fwrite(cand, file.path(dir, "comparison-60s-candidates.csv"))
