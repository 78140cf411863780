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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

/**
 * The status page in real headless Chromium: it loads, the camera tile's image updates, the pipeline's counts show,
 * and a camera whose source disappears shows as not online, with the reason, within seconds.
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

    /** Starts the appliance on {@code config}, opens its page in headless Chromium and runs {@code check} on it. */
    private static void onPage(Path config, Path dir, PageCheck check) throws Exception {
        Path chromium = Environment.executable("/usr/bin/chromium", "chromium");
        Path chromedriver = Environment.executable("/usr/bin/chromedriver", "chromium-driver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,1000", "--user-data-dir=" + dir.resolve("chrome-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort().build();
        try (Daemon daemon = Daemon.start(config)) {
            WebDriver driver = new ChromeDriver(service, options);
            try {
                driver.get("http://127.0.0.1:" + daemon.port() + "/");
                check.on(driver);
            } finally {
                driver.quit();
            }
        }
    }

    /** What a test checks on the page. */
    @FunctionalInterface
    private interface PageCheck {
        void on(WebDriver driver) throws Exception;
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
