package jp.linkage.hub.launcher.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import jp.linkage.hub.launcher.CatalogueCommand;
import jp.linkage.hub.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

/**
 * The generated catalogue in a real browser (headless Chromium), opened from disk as a person
 * would: Japanese, kana, full-width, English and code queries find the right entries, and a click
 * lands on the item page at the field's or row's anchor, without a single console error.
 */
class CatalogueBrowserIT {
  private static final Path TARGET = Path.of("target");
  private static Path site;
  private static ChromeDriver browser;
  private static WebDriverWait wait;

  @BeforeAll
  static void openBrowser() throws IOException {
    HeadlessChromium.requireInstalled();
    site = TARGET.resolve("catalogue-it").toAbsolutePath();
    delete(site);
    assertEquals(
        0,
        new CommandLine(new CatalogueCommand()).execute("--out", site.toString()),
        "hub catalogue");
    browser = HeadlessChromium.start(Files.createTempDirectory("catalogue-chromium-"));
    wait = new WebDriverWait(browser, Duration.ofSeconds(10));
  }

  @AfterAll
  static void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @AfterEach
  void noConsoleErrors() {
    List<LogEntry> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
            .toList();
    assertTrue(errors.isEmpty(), "browser console: " + errors);
  }

  @Test
  void japaneseFindsTheTaxFieldsAndAClickLandsOnTheField() throws IOException {
    List<WebElement> results = search("課税");
    WebElement taxYear = result(results, "items/local-tax-info.html#f-2026-04-taxYear");
    assertTrue(
        taxYear.getText().contains("課税年度") && taxYear.getText().contains("Tax year"),
        taxYear.getText());
    assertTrue(
        taxYear.findElement(By.cssSelector("mark")).getText().equals("課税"),
        "the match is highlighted");
    assertTrue(browser.findElement(By.id("status")).getText().matches("\\d+ results for “課税”\\."));
    Files.write(TARGET.resolve("catalogue-search.png"), browser.getScreenshotAs(OutputType.BYTES));

    taxYear.findElement(By.tagName("a")).click();
    assertLandsOn("local-tax-info.html", "f-2026-04-taxYear");
    assertTrue(browser.getTitle().contains("地方税関係情報"), browser.getTitle());
  }

  @Test
  void hiraganaKatakanaAndHalfWidthKanaAreAlike() {
    String code = "items/local-tax-info.html#f-2026-04-levyingMunicipalityCode"; // 課税市区町村コード
    assertTrue(result(search("こーど"), code).getText().contains("コード"));
    assertTrue(result(search("ｺｰﾄﾞ"), code).getText().contains("コード"));
    assertTrue(
        result(search("ヒトリ"), "items/local-tax-info.html#f-2026-04-singleParentDeduction")
            .getText()
            .contains("ひとり親控除有無"));
  }

  @Test
  void englishFullWidthAndCodesFindTheirEntries() throws IOException {
    String insurer = "items/medical-insurance-eligibility.html#f-2026-04-insurerNumber";
    assertTrue(result(search("insurer number"), insurer).getText().contains("保険者番号"));
    assertTrue(result(search("ＩＮＳＵＲＥＲ　ＮＵＭＢＥＲ"), insurer).getText().contains("Insurer number"));
    assertTrue(
        result(search("taxYear"), "items/local-tax-info.html#f-2026-04-taxYear")
            .getText()
            .contains("matched in code"));
    WebElement row =
        result(search("B2-2-1"), "items/medical-insurance-eligibility.html#r-2026-04-B2-2-1");
    assertTrue(row.getText().contains("健康保険法による保険給付の支給に関する事務"), row.getText());
    row.findElement(By.tagName("a")).click();
    assertLandsOn("medical-insurance-eligibility.html", "r-2026-04-B2-2-1");
    Files.write(TARGET.resolve("catalogue-item.png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void descriptionsAndCodeListsAreSearchedAndNonsenseFindsNothing() {
    WebElement field =
        result(search("組合管掌"), "items/medical-insurance-eligibility.html#f-2026-04-insuranceType");
    assertTrue(field.getText().contains("matched in コード表 code list"), field.getText());
    assertTrue(search("zzzz-no-such-thing").isEmpty());
    assertEquals(
        "No results for “zzzz-no-such-thing”.", browser.findElement(By.id("status")).getText());
  }

  @Test
  void theSearchFormOfAnItemPageSearchesFromTheIndex() {
    browser.get(site.resolve("items/resident-registry-info.html").toUri().toString());
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys("生年月日");
    box.submit();
    wait.until(d -> !d.findElements(By.cssSelector("#results li")).isEmpty());
    result(
        browser.findElements(By.cssSelector("#results li")),
        "items/resident-registry-info.html#f-2026-04-dateOfBirth");
  }

  @Test
  void theBuildWroteTheSameSiteIntoTargetCatalogue() throws IOException {
    // failsafe runs after the package phase, whose exec execution runs `hub catalogue --out
    // target/catalogue`
    assertEquals(
        Files.readString(site.resolve("index.html")),
        Files.readString(TARGET.resolve("catalogue/index.html")));
    assertEquals(
        Files.readString(site.resolve("assets/search-index.js")),
        Files.readString(TARGET.resolve("catalogue/assets/search-index.js")));
  }

  /** Types {@code query} into the index page's search box; the results once they are shown. */
  private static List<WebElement> search(String query) {
    browser.get(site.resolve("index.html").toUri().toString());
    WebElement box = browser.findElement(By.id("q"));
    box.sendKeys(query);
    wait.until(d -> !d.findElement(By.id("status")).getText().isEmpty());
    return browser.findElements(By.cssSelector("#results li"));
  }

  /** The result linking to {@code href} (relative to the index page). */
  private static WebElement result(List<WebElement> results, String href) {
    String expected =
        site.resolve(href.substring(0, href.indexOf('#'))).toUri()
            + href.substring(href.indexOf('#'));
    return results.stream()
        .filter(r -> expected.equals(r.findElement(By.tagName("a")).getAttribute("href")))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no result links to "
                        + href
                        + "; results: "
                        + results.stream().map(WebElement::getText).toList()));
  }

  private static void assertLandsOn(String page, String id) {
    wait.until(d -> d.getCurrentUrl().endsWith(page + "#" + id));
    Object target =
        browser.executeScript("var t = document.querySelector(':target'); return t && t.id;");
    assertEquals(id, target, "the anchored row is the :target (highlighted)");
  }

  private static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
