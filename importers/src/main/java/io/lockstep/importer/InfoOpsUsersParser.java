package io.lockstep.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.List;

/**
 * Twitter information-operations archive, users file ({@code userid, user_display_name, user_screen_name,
 * user_reported_location, user_profile_description, user_profile_url, follower_count, following_count,
 * account_creation_date, account_language}).
 */
final class InfoOpsUsersParser implements RecordParser {
    static final List<String> REQUIRED = List.of("userid");

    @Override
    public void parse(Reader in, RowSink sink) throws IOException {
        CsvTable.read(in, REQUIRED, sink, (row, out) -> {
            String user = Cells.id(row.get("userid"), "userid");
            if (user == null) {
                throw new CsvTable.RowException("empty userid");
            }
            out.account(account(row, user));
        });
    }

    /** The account columns shared by the users and the tweets files; an unparseable creation date is dropped. */
    static AccountRow account(CsvTable.Row row, String user) {
        return new AccountRow(user, Cells.text(row.get("user_screen_name")), Cells.text(row.get("user_display_name")),
                Cells.text(row.get("user_reported_location")), Cells.raw(row.get("user_profile_description")),
                Cells.text(row.get("user_profile_url")), Cells.count(row.get("follower_count")),
                Cells.count(row.get("following_count")), Cells.timeOrNone(row.get("account_creation_date")),
                Cells.text(row.get("account_language")));
    }
}
