package io.lockstep.cli;

import io.lockstep.progress.ProgressListener;
import io.lockstep.simulate.ScenarioConfig;
import io.lockstep.simulate.Simulator;
import io.lockstep.visual.Findings;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The report of a simulated archive with planted operations, loaded in a real Chromium (Debian's {@code chromium}
 * driven through {@code chromium-driver} by Selenium WebDriver): no horizontal overflow at 1280 and 390 px, every
 * picture drawn, the findings on the first screen and consistent with {@code clusters.csv}, rendered within the
 * issue's 2 s (navigation timing, printed), and printed to an A4 PDF whose page count is checked. Screenshots and
 * the PDF stay under {@code target/report-browser/} for people to look at.
 *
 * <p>Skipped, with a message saying what to install, where Chromium or chromedriver is missing ({@code .ci/run}
 * installs both). Paths can be set with {@code -Dlockstep.chromium=...} and {@code -Dlockstep.chromedriver=...}.
 * The driver path is given explicitly, so Selenium Manager never looks for or downloads a driver.
 */
class ReportInBrowserTest {
    static final String[] CHROMIUM_FLAGS = {"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"};
    static final Path KEEP = Path.of("target", "report-browser");
    /** The budget for rendering the report (load event end, ms). */
    static final double RENDER_BUDGET_MS = 2000;

    @TempDir
    static Path tmp;
    static Path out;
    static ChromeDriver driver;
    static ChromeDriverService service;

    static Path executable(String property, String... candidates) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (String c : candidates) {
            if (Files.isExecutable(Path.of(c))) {
                return Path.of(c);
            }
        }
        return null;
    }

    @BeforeAll
    static void analyseAndStartChromium() throws IOException {
        Path chromium = executable("lockstep.chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = executable("lockstep.chromedriver", "/usr/bin/chromedriver");
        String missing = chromium == null ? "chromium" : chromedriver == null ? "chromedriver" : null;
        if (missing != null) {
            System.err.println("ReportInBrowserTest SKIPPED: no " + missing + " found; install Debian's chromium and "
                    + "chromium-driver (.ci/run does) or set -Dlockstep.chromium / -Dlockstep.chromedriver");
        }
        assumeTrue(missing == null, "no " + missing + " found: install Debian's chromium and chromium-driver "
                + "(.ci/run does) or set -Dlockstep.chromium / -Dlockstep.chromedriver");

        Path archive = tmp.resolve("archive");
        new Simulator(ScenarioConfig.preset("mixed", 800, 2, 42L)).write(archive, ProgressListener.NONE);
        out = tmp.resolve("out");
        StringWriter err = new StringWriter();
        var cmd = Lockstep.commandLine();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        int exit = cmd.execute("analyze", "--quiet", "--store", tmp.resolve("store").toString(), "--out", out.toString(),
                archive.resolve("users.csv").toString(), archive.resolve("tweets.csv").toString(), archive.resolve("follows.csv").toString());
        assertThat(exit).as(err.toString()).isZero();

        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(CHROMIUM_FLAGS);
        options.addArguments("--user-data-dir=" + Files.createDirectories(tmp.resolve("chromium-profile")), "--window-size=1280,900");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(KEEP);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    /** Loads the report at {@code width} x {@code height} CSS pixels and returns the load time in ms. */
    static double load(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", width < 600));
        driver.get("about:blank");
        driver.get(out.resolve("report.html").toUri().toString());
        Object ms = driver.executeScript("const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime;");
        return ((Number) ms).doubleValue();
    }

    static long number(String script) {
        return ((Number) driver.executeScript(script)).longValue();
    }

    void checkLayout(int width, int height) throws IOException {
        double ms = load(width, height);
        System.out.printf("report.html (%,d bytes) in Chromium at %d px: load event after %.0f ms%n",
                Files.size(out.resolve("report.html")), width, ms);
        assertThat(ms).as("render time at %d px", width).isLessThan(RENDER_BUDGET_MS);
        assertThat(number("return document.documentElement.clientWidth;")).isEqualTo(width);
        assertThat(number("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
                .as("horizontal overflow at %d px", width).isLessThanOrEqualTo(0);
        // no element sticks out to the right either (overflow hidden inside a box would not show in scrollWidth)
        assertThat(number("let n = 0; for (const e of document.body.querySelectorAll('*')) { if (e.closest('details:not([open])')) continue;"
                + " const r = e.getBoundingClientRect(); if (r.width > 0 && r.right > document.documentElement.clientWidth + 1) n++; } return n;"))
                .as("elements beyond the right edge at %d px", width).isZero();
        // one self-contained file: the page loads nothing else
        assertThat(number("return performance.getEntriesByType('resource').length;")).as("resources fetched").isZero();
        // every picture drawn: images decoded, inline SVGs laid out with a size
        assertThat(number("return [...document.images].filter(i => !i.complete || i.naturalWidth === 0).length;")).isZero();
        long svgs = number("return document.querySelectorAll('svg.picture, svg.timeline').length;");
        assertThat(svgs).isGreaterThanOrEqualTo(2);
        assertThat(number("return [...document.querySelectorAll('svg.picture, svg.timeline')].filter(s => !s.closest('details:not([open])'))"
                + ".filter(s => { const r = s.getBoundingClientRect(); return r.width < 100 || r.height < 40; }).length;")).isZero();
        // the first screen holds the findings and the overview picture
        assertThat(number("return document.getElementById('findings-lead').getBoundingClientRect().bottom;")).isLessThan(height);
        assertThat(number("return document.querySelector('figure.overview').getBoundingClientRect().top;")).isLessThan(height * 3L / 4);
        if (width >= 1000) {
            assertThat(number("return document.querySelector('figure.overview svg').getBoundingClientRect().bottom;")).isLessThanOrEqualTo(height);
        }
        // bounded tables: at most 10 visible rows and 10 account names per cell
        assertThat(number("return Math.max(0, ...[...document.querySelectorAll('table')].filter(t => !t.closest('details:not([open])'))"
                + ".map(t => t.querySelectorAll('tbody tr').length));")).isLessThanOrEqualTo(10);
        assertThat(number("return Math.max(0, ...[...document.querySelectorAll('td')].map(td => td.querySelectorAll('.acct').length));"))
                .isLessThanOrEqualTo(10);
        assertThat(number("return document.querySelectorAll('article.campaign').length;")).isLessThanOrEqualTo(10);
        Files.write(KEEP.resolve("report-" + width + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void reportHoldsItsLayoutAt1280And390PixelsAndDrawsEveryPicture() throws IOException {
        checkLayout(1280, 800);
        checkLayout(390, 844);
    }

    @Test
    void findingsAgreeWithClustersCsv() throws IOException {
        load(1280, 800);
        List<CSVRecord> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(out.resolve("clusters.csv"), StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            csv.forEach(rows::add);
        }
        assertThat(rows).as("the planted operations are found").isNotEmpty();
        String lead = (String) driver.executeScript("return document.getElementById('findings-lead').innerText;");
        System.out.println("findings: " + lead);
        assertThat(lead).contains("found " + rows.size() + " coordinated cluster" + (rows.size() == 1 ? " " : "s "));
        Map<String, Integer> kinds = new LinkedHashMap<>();
        rows.forEach(r -> kinds.merge(r.get("kind"), 1, Integer::sum));
        kinds.forEach((kind, n) -> assertThat(lead).contains(n + " " + Findings.kindName(kind, n)));
        CSVRecord largest = rows.stream().max(Comparator.comparingInt((CSVRecord r) -> Integer.parseInt(r.get("size")))
                .thenComparingDouble(r -> Double.parseDouble(r.get("score"))).thenComparing(r -> -Integer.parseInt(r.get("cluster")))).orElseThrow();
        assertThat(lead).contains("The largest is cluster " + largest.get("cluster") + ", a " + Findings.kindName(largest.get("kind"), 1)
                + " of " + largest.get("size") + " accounts (score "
                + String.format(Locale.ROOT, "%.2f", Double.parseDouble(largest.get("score"))));
        // every cluster the findings name links to a card that exists
        assertThat(number("return [...document.querySelectorAll('#findings a[href^=\"#cluster-\"]')]"
                + ".filter(a => !document.getElementById(a.getAttribute('href').substring(1))).length;")).isZero();
    }

    @Test
    void printsToA4WithEachSectionOnItsOwnPage() throws IOException {
        load(1280, 800);
        PrintOptions print = new PrintOptions();
        print.setPageSize(new PageSize(29.7, 21.0));
        print.setBackground(true);
        Pdf pdf = driver.print(print);
        byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
        Files.write(KEEP.resolve("report.pdf"), bytes);
        String raw = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(raw).startsWith("%PDF-");
        Matcher m = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(raw);
        int pages = 0;
        while (m.find()) {
            pages++;
        }
        long sections = number("return document.querySelectorAll('section').length;");
        System.out.println("report.pdf: " + pages + " A4 pages for " + sections + " sections");
        assertThat(sections).isEqualTo(6);
        assertThat(pages).as("each section starts a page").isGreaterThanOrEqualTo((int) sections).isLessThanOrEqualTo(40);
        // A4 portrait: 595 x 842 points
        assertThat(raw).containsPattern("/MediaBox\\s*\\[\\s*0\\s+0\\s+595(\\.\\d+)?\\s+841(\\.\\d+)?|/MediaBox\\s*\\[\\s*0\\s+0\\s+595(\\.\\d+)?\\s+842");
    }
}
