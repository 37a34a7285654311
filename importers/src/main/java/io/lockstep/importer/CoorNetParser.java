package io.lockstep.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * CooRnet's shares table: the CrowdTangle link shares its {@code get_ctshares} returns, unnested to one row per
 * link ({@code id, platformId, platform, date, type, description, expandedLinks, postUrl, …, message, title,
 * statistics.actual.*, account.id, account.name, account.handle, account.subscriberCount, account.url,
 * account.platform, account.platformId, account.accountType, …, account.pageDescription, account.pageCreatedDate,
 * account.verified, expanded, is_orig}). Required: {@code expanded} (the shared link), {@code account.url} (the
 * entity CooRnet groups by) and {@code date}; the post id is {@code id}, else {@code postUrl}.
 *
 * <p>Each post becomes a post of the account {@code account.url} at {@code date} linking its {@code expanded}
 * URLs (the rows of one post, however far apart, give one post with all its links), with {@code message} (else
 * {@code title}) as text, {@code platform} as client and the like and share counts; the account carries
 * {@code account.handle}, {@code account.name}, {@code account.pageDescription}, {@code account.subscriberCount}
 * as followers and {@code account.pageCreatedDate}.
 */
final class CoorNetParser implements RecordParser {
    static final List<String> REQUIRED = List.of("expanded", "account.url", "date");

    @Override
    public void parse(Reader in, RowSink sink) throws IOException {
        SharesTable.read(in, REQUIRED, Integer.MAX_VALUE, sink, (row, line) -> {
            String id = Cells.text(row.get("id"));
            if (id == null) {
                id = Cells.text(row.get("posturl"));
            }
            if (id == null) {
                throw new CsvTable.RowException("neither id nor postUrl");
            }
            String account = SharesTable.required(row, "account.url");
            SharesTable.Share s = new SharesTable.Share(id, account, SharesTable.time(row.get("date"), "date"), line);
            s.objects.add(SharesTable.required(row, "expanded"));
            s.profile = new AccountRow(account, Cells.text(row.get("account.handle")),
                    Cells.text(row.get("account.name")), null, Cells.raw(row.get("account.pagedescription")),
                    account, Cells.count(row.get("account.subscribercount")), -1,
                    Cells.timeOrNone(row.get("account.pagecreateddate")), null);
            String text = Cells.raw(row.get("message"));
            s.text = text != null ? text : Cells.raw(row.get("title"));
            s.likes = Cells.count(row.get("statistics.actual.likecount"));
            s.shares = Cells.count(row.get("statistics.actual.sharecount"));
            s.client = Cells.text(row.get("platform"));
            return s;
        }, (s, out) -> {
            out.account(s.profile);
            out.post(new PostRow(s.post, s.account, s.time, s.text, null, s.client, null, null, null, null, null,
                    null, List.of(), Cells.urls(s.objects), List.of(), s.likes, s.shares));
        });
    }
}
