package io.lockstep.importer;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link CsvRecords} against Commons CSV with {@link CsvTable#FORMAT}, the reader it replaces: the same records, the
 * same line number after each, the same failure at the same record, on crafted inputs and on random ones made of
 * the characters that matter, read whole and in pieces of a few characters (every field then crosses a refill).
 */
class CsvRecordsTest {
    /** What a reader gives: each record's fields and the line number after it, then the failure (or null). */
    private record Reading(List<List<String>> records, List<Long> lines, String failure) {
    }

    private static Reading commons(String text) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        String failure = null;
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(text)).setFormat(CsvTable.FORMAT).get()) {
            Iterator<CSVRecord> it = p.iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                } catch (UncheckedIOException e) {
                    failure = e.getCause().getMessage();
                    break;
                }
                records.add(List.of(it.next().values()));
                lines.add(p.getCurrentLineNumber());
            }
        }
        return new Reading(records, lines, failure);
    }

    private static Reading ours(Reader in) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        String failure = null;
        CsvRecords r = new CsvRecords(in);
        while (true) {
            try {
                if (!r.next()) {
                    break;
                }
            } catch (CsvRecords.Malformed e) {
                failure = e.getMessage();
                break;
            }
            records.add(List.of(r.values()));
            lines.add(r.lineNumber());
        }
        return new Reading(records, lines, failure);
    }

    /** Gives at most {@code piece} characters a read. */
    private static Reader inPieces(String text, int piece) {
        return new Reader() {
            private int at;

            @Override
            public int read(char[] buf, int off, int len) {
                if (at == text.length()) {
                    return -1;
                }
                int n = Math.min(Math.min(len, piece), text.length() - at);
                text.getChars(at, at + n, buf, off);
                at += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    private static void assertSame(String text) throws IOException {
        Reading expected = commons(text);
        String shown = text.replace("\r", "\\r").replace("\n", "\\n");
        // a record read before Commons' failure with its line number: Commons reads ahead, so compare records only
        assertEquals(expected.records(), ours(new StringReader(text)).records(), shown);
        for (int piece : new int[] {1, 2, 3, 7}) {
            Reading ours = ours(inPieces(text, piece));
            assertEquals(expected.records(), ours.records(), shown + " in pieces of " + piece);
            assertEquals(expected.failure(), ours.failure(), shown + " in pieces of " + piece);
            if (expected.failure() == null) {
                // the line number after the last record of an input without a final line break is Commons' own
                // business (it counts the end of the input as one); CsvTable asks only after complete records
                int n = expected.lines().size();
                boolean lastOpen = !text.endsWith("\n") && !text.endsWith("\r");
                for (int i = 0; i < (lastOpen ? n - 1 : n); i++) {
                    assertEquals(expected.lines().get(i), ours.lines().get(i),
                            shown + " line after record " + i + " in pieces of " + piece);
                }
            }
        }
        Reading whole = ours(new StringReader(text));
        assertEquals(expected.failure(), whole.failure(), shown);
    }

    @Test
    void readsWhatCommonsCsvReads() throws IOException {
        for (String text : List.of("", "\n", "\r\n\r\n", "a", "a,b", "a,b\n", "a,b,\n", "a,b,", ",", ",,\n,",
                "a\nb\r\nc\rd", "\n\na,b\n\n\nc,d\n\n", "\"a\",\"b\"\n", "\"a,b\",c\n", "\"a\"\"b\"\n", "\"\"\n",
                "\"\"\"\"\n", "\"line\nbreak\",x\r\n", "\"cr\rlf\r\n\",y\n", "x\"y\",z\n", " \"a\" ,b\n",
                "\"a\"  ,b\n", "\"a\" \t\n", "\"a\"x,b\n", "h\n\"unterminated", "h\n\"a\"\"", "a,\"b\"",
                "a,\"b\"\r", "a , b ,c \n", "é,ü\n\"ß\"\n", "a\n\r\nb\n", "\"a\"\r\nb")) {
            assertSame(text);
        }
    }

    @Test
    void readsRandomInputsAsCommonsCsvDoes() throws IOException {
        char[] alphabet = {'a', 'b', ' ', '\t', ',', ',', '"', '"', '\n', '\r', 'é'};
        SplittableRandom random = new SplittableRandom(13);
        for (int round = 0; round < 20_000; round++) {
            int length = random.nextInt(40);
            StringBuilder b = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                b.append(alphabet[random.nextInt(alphabet.length)]);
            }
            assertSame(b.toString());
        }
    }

    @Test
    void keepsLongFieldsWhole() throws IOException {
        String longText = "x".repeat(200_000);
        String text = "id,text\n1,\"" + longText.replace("x", "\"\"") + "\"\n2," + longText + "\n";
        assertSame(text);
        Reading ours = ours(new StringReader(text));
        assertEquals(longText.replace("x", "\""), ours.records().get(1).get(1));
        assertEquals(longText, ours.records().get(2).get(1));
    }

    @Test
    void aFailureOfTheReaderItselfIsThrownAsItCame() {
        Reader failing = new Reader() {
            @Override
            public int read(char[] buf, int off, int len) throws IOException {
                throw new IOException("disk gone");
            }

            @Override
            public void close() {
            }
        };
        IOException e = assertThrows(IOException.class, () -> new CsvRecords(failing).next());
        assertEquals("disk gone", e.getMessage());
    }
}
