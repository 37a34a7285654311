dir <- commandArgs(trailingOnly = TRUE)[1]
# Independent count (neither CooRTweet nor Lockstep): for each account pair, the number of distinct retweeted
# objects that both retweeted within W seconds of each other (some retweet of each, |dt| <= W).
# Run on all rows, and on the rows Lockstep reads (the first row of each content_id: a tweet id seen again is
# ignored, as the archive importers do).
library(data.table)
all <- fread(file.path(dir, "russian_coord_tweets.csv"), colClasses = "character")
all[, t := as.numeric(timestamp_share)]
count_pairs <- function(d, label, save = FALSE) {
  d <- unique(d[, .(object_id, account_id, t)])
  j <- d[d, on = .(object_id), allow.cartesian = TRUE, nomatch = 0][account_id < i.account_id]
  j[, dt := abs(t - i.t)]
  vol <- d[, .(n = .N), by = account_id]
  for (W in c(60, 10)) {
    p <- unique(j[dt <= W, .(a = account_id, b = i.account_id, object_id)])
    pc <- p[, .(shared = .N), by = .(a, b)]
    cat(sprintf("%s: W = %d s: pairs sharing >= 1: %d, >= 2: %d, >= 3: %d, >= 4: %d, >= 5: %d\n", label, W,
        nrow(pc), pc[shared >= 2, .N], pc[shared >= 3, .N], pc[shared >= 4, .N], pc[shared >= 5, .N]))
    if (save) {
      top <- pc[shared >= 2][vol, on = .(a = account_id), na := i.n][vol, on = .(b = account_id), nb := i.n]
      setorder(top, -shared, a, b)
      fwrite(top, file.path(dir, sprintf("independent-pairs-%ds-%s.csv", W, label)))
    }
  }
}
count_pairs(all, "all-rows", TRUE)
first <- all[!duplicated(content_id)]
cat("rows", nrow(all), "first row per content_id", nrow(first), "accounts", uniqueN(all$account_id), "\n")
count_pairs(first, "first-per-content_id", TRUE)
# Lockstep does not pair on items acted on by more than 1,000 accounts (CoActionScanner.MAX_ITEM_ACCOUNTS)
pop <- first[, .(m = uniqueN(account_id)), by = object_id]
cat("objects with > 1000 accounts:", pop[m > 1000, paste(object_id, m)], "\n")
count_pairs(first[!object_id %in% pop[m > 1000, object_id]], "first-per-content_id-cap1000", TRUE)
