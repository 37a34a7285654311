package io.lockstep.store;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;

/**
 * CooRTweet's input layout as a CSV file ({@link GraphExport.ExportFormat#COORTWEET}): the header
 * {@link GraphExport#COORTWEET_HEADER}, then one row per share of an object, quoted as RFC 4180 asks, each line
 * ended by {@code \n}. Closing the table closes the writer.
 */
final class ShareTable implements Closeable {
    private final CSVPrinter printer;

    /** Writes the header to {@code out}. */
    ShareTable(Writer out) throws IOException {
        printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
        printer.printRecord((Object[]) GraphExport.COORTWEET_HEADER);
    }

    /** One share: the object shared, the sharing account, the sharing post and its time (Unix seconds). */
    void share(String objectId, String accountId, String contentId, long timestamp) throws IOException {
        printer.printRecord(objectId, accountId, contentId, timestamp);
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
