package cn.gov.assess.web;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * 浏览器测试共用：Debian 的 chromium 与 chromedriver，无界面、中文界面、离线（Selenium 不去网上找驱动）。没有装时测试失败
 * （不跳过），并说明怎么装。
 */
final class Browsers {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String DRIVER = "/usr/bin/chromedriver";

    private Browsers() {
    }

    /** 启动一个 Chromium；profile 是这个浏览器自己的用户目录，windowSize 如 "1366,768"。 */
    static ChromeDriver chromium(Path profile, String windowSize) {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(DRIVER))) {
            fail("浏览器测试需要 Debian 的 chromium 与 chromium-driver（" + CHROMIUM + "、" + DRIVER + "）："
                    + "apt-get update && apt-get install -y chromium chromium-driver fonts-noto-cjk");
        }
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--user-data-dir=" + profile, "--window-size=" + windowSize,
                "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync",
                "--lang=zh-CN");
        // 读得到浏览器控制台（EveryPageBrowserTest 核对没有错误）
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        return browser;
    }
}
