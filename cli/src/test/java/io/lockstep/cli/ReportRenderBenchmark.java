package io.lockstep.cli;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Loads existing report.html files in Debian's Chromium (the same flags as {@link ReportInBrowserTest}) and prints
 * each file's size and its load time (navigation timing, {@code loadEventEnd - startTime}) at 1280 and 390 px, best of
 * {@code runs}: {@code ReportRenderBenchmark [--runs N] REPORT.html...}. Run it with the test classpath, e.g.
 * {@code java -cp "$(cat cp.txt):cli/target/test-classes" io.lockstep.cli.ReportRenderBenchmark lockstep-demo/report.html}
 * after {@code mvn -q -o -pl cli dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}.
 */
public final class ReportRenderBenchmark {
    private ReportRenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 3, first = 0;
        if (args.length > 1 && args[0].equals("--runs")) {
            runs = Integer.parseInt(args[1]);
            first = 2;
        }
        if (args.length <= first) {
            System.err.println("usage: ReportRenderBenchmark [--runs N] REPORT.html...");
            System.exit(2);
        }
        Path chromium = ReportInBrowserTest.executable("lockstep.chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Path chromedriver = ReportInBrowserTest.executable("lockstep.chromedriver", "/usr/bin/chromedriver");
        if (chromium == null || chromedriver == null) {
            System.err.println("needs chromium and chromedriver (Debian: chromium, chromium-driver)");
            System.exit(1);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(ReportInBrowserTest.CHROMIUM_FLAGS);
        options.addArguments("--user-data-dir=" + Files.createTempDirectory("lockstep-chromium"));
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            for (int i = first; i < args.length; i++) {
                Path report = Path.of(args[i]).toAbsolutePath();
                for (int width : new int[] {1280, 390}) {
                    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", width > 600 ? 800 : 844,
                            "deviceScaleFactor", 1, "mobile", width < 600));
                    double best = Double.MAX_VALUE;
                    for (int r = 0; r < runs; r++) {
                        driver.get("about:blank");
                        driver.get(report.toUri().toString());
                        best = Math.min(best, ((Number) driver.executeScript(
                                "const n = performance.getEntriesByType('navigation')[0]; return n.loadEventEnd - n.startTime;")).doubleValue());
                    }
                    System.out.printf("%s: %,d bytes, %d px: load event after %.0f ms (best of %d)%n", report, Files.size(report), width, best, runs);
                }
            }
        } finally {
            driver.quit();
            service.stop();
        }
    }
}
