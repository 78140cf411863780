package io.loupe.appliance.web;

import io.loupe.appliance.Daemon;
import io.loupe.appliance.Environment;
import io.loupe.appliance.Repo;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Alert;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

/**
 * The status page in real headless Chromium: it loads, the camera tile's image updates, the pipeline's counts show,
 * and a camera whose source disappears shows as not online, with the reason, within seconds; the appliance going away
 * leaves nothing shown as live; a failed pipeline's page says why; the token is asked for once and goes with every
 * link to something protected.
 */
class StatusPageTest {
    @TempDir
    Path dir;

    @Test
    void page_showsLiveCameraAndCounts_andACameraGoingDown() throws Exception {
        // A still camera: one frame of the demo clip in a folder, replayed at 5 fps; deleting it takes the camera down.
        Path images = Files.createDirectories(dir.resolve("still"));
        Path still = images.resolve("part.png");
        writeFrame(Repo.demoVideo(), 120, still);
        Path config = dir.resolve("appliance.yml");
        Files.writeString(config, """
                appliance: {id: page-box, site: test-site, dataDir: %s}
                cameras:
                  still: {url: "file:%s", loop: true, maxFps: 5}
                  line1: {url: "file:%s", loop: true, realtime: true}
                models:
                  det: {path: "%s"}
                pipelines:
                  still-defects: {type: defect, camera: still, model: det}
                  line1-defects: {type: defect, camera: line1, model: det}
                mqtt: {url: embedded, port: 0}
                web: {host: 127.0.0.1, port: 0}
                """.formatted(dir.resolve("data"), images, Repo.demoVideo(), Repo.demoModel()));

        onPage(config, dir, driver -> {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));

            WebElement tile = wait.until(d -> d.findElement(By.id("cam-line1")));
            wait.until(d -> imageWidth(d, "#cam-line1 img.live") > 0);
            String firstSrc = tile.findElement(By.cssSelector("img.live")).getAttribute("src");
            wait.until(d -> !d.findElement(By.cssSelector("#cam-line1 img.live")).getAttribute("src").equals(firstSrc));
            assertThat(imageWidth(driver, "#cam-line1 img.live")).isEqualTo(640);
            wait.until(d -> d.findElement(By.cssSelector("#cam-line1 .facts")).getText().matches("(?s).*[1-9][0-9]* processed.*"));
            assertThat(tile.findElement(By.cssSelector(".state")).getText()).isEqualTo("ONLINE");
            assertThat(driver.findElement(By.id("mqtt")).getText()).isEqualTo("connected");
            assertThat(driver.findElement(By.id("models")).getText()).contains("model det").contains("CPU");
            screenshot(driver, "status-page.png");

            Files.delete(still);
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                    !d.findElement(By.cssSelector("#cam-still .state")).getText().equals("ONLINE"));
            WebElement down = driver.findElement(By.id("cam-still"));
            assertThat(down.findElement(By.cssSelector(".state")).getText()).isIn("RECONNECTING", "OFFLINE");
            assertThat(down.findElement(By.cssSelector(".facts")).getText()).contains("still");
            // the recent-events list says so too, as an alarm
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
                    d.findElement(By.id("events")).getText().matches("(?s).*CAMERA still camera (reconnecting|offline).*"));
            assertThat(driver.findElements(By.cssSelector("#events li.alarm"))).isNotEmpty();
            screenshot(driver, "status-page-camera-down.png");
        });
    }

    @Test
    void page_showsATrapWithItsCountsTilesAndHistoryChart() throws Exception {
        Path config = dir.resolve("appliance.yml");
        Files.writeString(config, """
                appliance: {id: page-box, site: test-site, dataDir: %s}
                cameras:
                  trap1: {url: "file:%s/*.jpg", maxFps: 2, realtime: true}
                models:
                  pests: {path: "%s"}
                pipelines:
                  trap1-pests: {type: pest, camera: trap1, model: pests, mailbox: all,
                                settings: {trap: trap-1, thresholds: [{species: whitefly, min: 20, per: period}]}}
                mqtt: {url: embedded, port: 0}
                web: {host: 127.0.0.1, port: 0}
                """.formatted(dir.resolve("data"), Repo.pestSeries().resolve("captures"), Repo.pestModel()));
        onPage(config, dir, driver -> {
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
            wait.until(d -> imageWidth(d, "#cam-trap1 img.live") > 0);
            assertThat(imageWidth(driver, "#cam-trap1 img.live")).isEqualTo(2400);
            // the trap's table and its count history fill in as the six captures are counted
            wait.until(d -> d.findElements(By.cssSelector("#cam-trap1 svg.chart polyline")).size() == 5);
            wait.until(d -> d.findElement(By.cssSelector("#cam-trap1 .facts")).getText().contains("card 2"));
            String facts = driver.findElement(By.cssSelector("#cam-trap1 .facts")).getText();
            assertThat(facts).contains("trap trap-1").contains("whitefly").contains("moth").contains("counted");
            wait.until(d -> d.findElement(By.id("events")).getText().contains("ALERT"));
            screenshot(driver, "status-page-trap.png");
        });
    }

    @Test
    void page_applianceGoesDown_showsEverythingUnknownAndStale_andRecoversWhenItAnswersAgain() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path config = Files.writeString(dir.resolve("appliance.yml"), Repo.demoLineConfig(dir.resolve("data"), "",
                "port: " + port));
        Daemon first = Daemon.start(config);
        try {
            inBrowser(dir, driver -> {
                driver.get("http://127.0.0.1:" + port + "/");
                WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
                wait.until(d -> text(d, "#cam-line1 .state").equals("ONLINE") && !text(d, "#mqtt").isEmpty()
                        && !text(d, "#mqtt").equals("unknown") && text(d, "#cam-line1 .facts").contains("RUNNING"));

                first.close();
                wait.until(d -> text(d, "#error").contains("appliance unreachable"));
                assertThat(text(driver, "#cam-line1 .state")).isEqualTo("UNKNOWN");
                assertThat(text(driver, "#cam-line1 .facts")).as("the pipeline's state").doesNotContain("RUNNING")
                        .contains("UNKNOWN");
                assertThat(text(driver, "#mqtt")).isEqualTo("unknown");
                assertThat(classes(driver, "#cam-line1 img.live")).contains("stale");
                assertThat(classes(driver, "body")).contains("stale");
                screenshot(driver, "status-page-appliance-down.png");

                try (Daemon second = Daemon.start(config)) {
                    wait.until(d -> text(d, "#cam-line1 .state").equals("ONLINE"));
                    wait.until(d -> !classes(d, "#cam-line1 img.live").contains("stale"));
                    assertThat(text(driver, "#cam-line1 .pstate")).isIn("RUNNING", "STARTING");
                    assertThat(text(driver, "#error")).isEmpty();
                    assertThat(classes(driver, "body")).doesNotContain("stale");
                }
            });
        } finally {
            first.close();
        }
    }

    @Test
    void pipelinePage_ofAPipelineThatFailedToStart_showsFailedWithItsErrorAndEmptyStats() throws Exception {
        Path config = dir.resolve("appliance.yml");
        Files.writeString(config, """
                appliance: {id: page-box, site: test-site, dataDir: %s}
                cameras:
                  line1: {url: "file:%s", loop: true, realtime: true}
                  trap1: {url: "file:%s/*.jpg", maxFps: 2, realtime: true}
                models:
                  det-trt: {path: "%s", provider: tensorrt}
                  pests: {path: "%s"}
                pipelines:
                  line1-trt: {type: defect, camera: line1, model: det-trt}
                  trap1-misspelt: {type: pest, camera: trap1, model: pests,
                                   settings: {thresholds: [{species: whitefli, min: 30, per: week}]}}
                mqtt: {url: "tcp://127.0.0.1:9"}
                web: {host: 127.0.0.1, port: 0}
                """.formatted(dir.resolve("data"), Repo.demoVideo(), Repo.pestSeries().resolve("captures"),
                Repo.demoModel(), Repo.pestModel()));
        try (Daemon daemon = Daemon.start(config)) {
            inBrowser(dir, driver -> {
                for (String[] failed : new String[][]{{"line1-trt", "model det-trt failed to load"},
                        {"trap1-misspelt", "thresholds name 'whitefli'"}}) {
                    driver.get("http://127.0.0.1:" + daemon.port() + "/pipelines/" + failed[0]);
                    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
                    wait.until(d -> text(d, "#stats").contains("processed"));

                    assertThat(text(driver, "#state")).isEqualTo("FAILED");
                    assertThat(text(driver, "#failure")).as(failed[0]).contains(failed[1]);
                    assertThat(text(driver, "#stats")).contains("processed 0").contains("fps 0.0");
                    assertThat(text(driver, "#recent")).contains("none: it did not start");
                    assertThat(text(driver, "#setup")).contains(failed[0].startsWith("line1") ? "TENSORRT" : "pest");
                    assertThat(text(driver, "#error")).as("no error drawing the page").isEmpty();
                    assertThat(driver.findElement(By.id("toggle")).isEnabled()).isFalse();
                    screenshot(driver, "pipeline-page-failed-" + failed[0] + ".png");
                }
            });
        }
    }

    @Test
    void page_protectedReads_asksForTheTokenOnce_offersAButtonAfterADismissal_andItsNgLinksCarryIt() throws Exception {
        onProtectedPage((driver, base) -> {
            driver.get(base + "/");
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));

            wait.until(ExpectedConditions.alertIsPresent()).dismiss();
            assertThatThrownBy(() -> new WebDriverWait(driver, Duration.ofSeconds(4))
                    .until(ExpectedConditions.alertIsPresent()))
                    .as("no second prompt after a dismissal").isInstanceOf(TimeoutException.class);
            WebElement needed = driver.findElement(By.id("token-needed"));
            assertThat(needed.isDisplayed()).isTrue();
            assertThat(needed.getText()).contains("token needed");
            screenshot(driver, "status-page-token-needed.png");

            needed.findElement(By.tagName("button")).click();
            Alert prompt = wait.until(ExpectedConditions.alertIsPresent());
            prompt.sendKeys(PAGE_TOKEN);
            prompt.accept();
            wait.until(d -> text(d, "#cam-line1 .facts").matches("(?s).*[1-9][0-9]* processed.*"));
            assertThat(driver.findElement(By.id("token-needed")).isDisplayed()).isFalse();
            wait.until(d -> imageWidth(d, "#cam-line1 img.live") > 0);
            assertThat(text(driver, "#error")).isEmpty();

            // and with the token entered, the NG image of the last result opens from the status page and from the
            // pipeline's page
            String ng = new WebDriverWait(driver, Duration.ofSeconds(90)).until(d -> d.findElements(
                    By.cssSelector("#cam-line1 .facts a[href*='/ng/']")).stream().findFirst()
                    .map(a -> a.getAttribute("href")).orElse(null));
            assertThat(ng).contains("token=" + PAGE_TOKEN);
            assertThat(fetchStatus(driver, ng)).isEqualTo(200);
            driver.get(base + "/pipelines/line1-defects");
            String listed = new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(
                    By.cssSelector("#recent a[href*='/ng/']")).stream().findFirst()
                    .map(a -> a.getAttribute("href")).orElse(null));
            assertThat(listed).contains("token=" + PAGE_TOKEN);
            assertThat(fetchStatus(driver, listed)).isEqualTo(200);
        });
    }

    @Test
    void pipelinePage_ofAGaitPipeline_listsEachBoutWithItsSessionScoreAndCadence() throws Exception {
        Path mediapipe = io.loupe.appliance.MediaPipeFiles.pose();
        Path config = dir.resolve("appliance.yml");
        Files.writeString(config, """
                appliance: {id: page-box, site: test-site, dataDir: %s}
                cameras:
                  walk1: {url: "file:%s"}
                models:
                  landmarks: {path: "%s"}
                  persons: {path: "%s"}
                pipelines:
                  walk1-gait: {type: gait, camera: walk1, model: landmarks, mailbox: all,
                               settings: {pose: {kind: mediapipe, detector: persons}, session: P-0007}}
                mqtt: {url: "tcp://127.0.0.1:9"}
                web: {host: 127.0.0.1, port: 0}
                """.formatted(dir.resolve("data"), Repo.root().resolve("sample-data/gait/walks/001.mp4"),
                mediapipe.resolve("pose_landmark_full.tflite"), mediapipe.resolve("pose_detection.tflite")));
        try (Daemon daemon = Daemon.start(config)) {
            inBrowser(dir, driver -> {
                driver.get("http://127.0.0.1:" + daemon.port() + "/pipelines/walk1-gait");
                // the table is drawn again every second: read its cells in one go
                List<List<String>> table = new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> {
                    List<List<String>> cells = cells(d, "#recent");
                    return cells.stream().skip(1).anyMatch(r -> r.contains("P-0007")) ? cells : null;
                });
                List<String> bout = table.stream().skip(1).filter(r -> r.contains("P-0007")).findFirst().orElseThrow();

                assertThat(table.get(0)).contains("session", "score", "cadence");
                assertThat(bout.get(2)).as("session").isEqualTo("P-0007");
                assertThat(bout.get(4)).as("score").matches("score [0-4](\\.\\d+)? confidence \\d\\.\\d\\d");
                assertThat(bout.get(5)).as("cadence").matches("\\d+\\.\\d /min");
                assertThat(table.get(table.size() - 1).get(0)).as("the disclaimer, with the scores")
                        .startsWith("Research use only");
                screenshot(driver, "pipeline-page-gait.png");
            });
        }
    }

    private static final String PAGE_TOKEN = "page-token-42";

    /** An appliance with {@code web.protectReads} and NG images kept, and a browser for {@code check}. */
    private void onProtectedPage(ProtectedPageCheck check) throws Exception {
        Path config = Files.writeString(dir.resolve("appliance.yml"), Repo.demoLineConfig(dir.resolve("data"),
                "{ngImages: {dir: " + dir.resolve("ng") + "}}", "port: 0, token: " + PAGE_TOKEN + ", protectReads: true"));
        try (Daemon daemon = Daemon.start(config)) {
            inBrowser(dir, driver -> check.on(driver, "http://127.0.0.1:" + daemon.port()));
        }
    }

    /** What a test checks on the page of an appliance at {@code base}. */
    @FunctionalInterface
    private interface ProtectedPageCheck {
        void on(WebDriver driver, String base) throws Exception;
    }

    /** Starts the appliance on {@code config}, opens its page in headless Chromium and runs {@code check} on it. */
    private static void onPage(Path config, Path dir, PageCheck check) throws Exception {
        try (Daemon daemon = Daemon.start(config)) {
            inBrowser(dir, driver -> {
                driver.get("http://127.0.0.1:" + daemon.port() + "/");
                check.on(driver);
            });
        }
    }

    /** Opens headless Chromium (prompts left for the check to answer) and runs {@code check} with it. */
    private static void inBrowser(Path dir, PageCheck check) throws Exception {
        Path chromium = Environment.executable("/usr/bin/chromium", "chromium");
        Path chromedriver = Environment.executable("/usr/bin/chromedriver", "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + dir.resolve("chrome-profile"));
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        WebDriver driver = new ChromeDriver(service, options);
        try {
            check.on(driver);
        } finally {
            driver.quit();
        }
    }

    /** What a test checks on the page. */
    @FunctionalInterface
    private interface PageCheck {
        void on(WebDriver driver) throws Exception;
    }

    /** The text of each cell of each row of the table {@code css}. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> cells(WebDriver d, String css) {
        return (List<List<String>>) ((JavascriptExecutor) d).executeScript("return [...document.querySelectorAll("
                + "arguments[0] + ' tr')].map(r => [...r.cells].map(c => c.innerText.trim()));", css);
    }

    private static String text(WebDriver d, String css) {
        return d.findElement(By.cssSelector(css)).getText();
    }

    private static String classes(WebDriver d, String css) {
        return d.findElement(By.cssSelector(css)).getAttribute("class");
    }

    /** The status of a plain GET of {@code url} from the page, without any header: what an {@code <a>} or {@code <img>} gets. */
    private static long fetchStatus(WebDriver d, String url) {
        Object status = ((JavascriptExecutor) d).executeAsyncScript(
                "const done = arguments[1]; fetch(arguments[0], {cache: 'no-store'}).then(r => done(r.status), e => done(-1));", url);
        return ((Number) status).longValue();
    }

    private static long imageWidth(WebDriver d, String css) {
        Object w = ((JavascriptExecutor) d).executeScript(
                "const i = document.querySelector(arguments[0]); return i && i.complete ? i.naturalWidth : 0;", css);
        return w == null ? 0 : ((Number) w).longValue();
    }

    /** Saves a screenshot as a test artefact under appliance/target/screenshots/. */
    private static void screenshot(WebDriver driver, String name) throws Exception {
        Path out = Repo.root().resolve("appliance/target/screenshots");
        Files.createDirectories(out);
        Files.write(out.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static void writeFrame(Path video, int index, Path png) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
             OpenCVFrameConverter.ToMat convert = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            for (int i = 0; i < index; i++) {
                grabber.grabImage();
            }
            Mat mat = convert.convert(grabber.grabImage());
            assertThat(imwrite(png.toString(), mat)).isTrue();
            grabber.stop();
        }
    }
}
