package jp.linkage.hub.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hub batch}: unusable input stops with exit 2 and a message naming the problem, before any
 * database work.
 */
class BatchCommandTest {
  private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/postgres";

  @TempDir Path dir;

  private final HubCli cli = new HubCli();

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private int replicas(Path f) {
    return cli.run(
        "batch",
        "replicas",
        "--agency",
        "hi-kenpo-06130001",
        "--file",
        f.toString(),
        "--jdbc-url",
        NOWHERE);
  }

  @Test
  void aFileWithoutTheItemLineIsRefused() throws Exception {
    assertEquals(
        2,
        replicas(
            file(
                "a.csv",
                "localId,masterChangedAt,insurerNumber\nK1,2026-06-01T00:00:00Z,06130001\n")));
    assertTrue(
        cli.err().contains("the first line must name the layout item and edition"), cli.err());
  }

  @Test
  void anUnknownItemOrEditionIsRefused() throws Exception {
    assertEquals(
        2,
        replicas(
            file(
                "b.csv",
                "#item=medical-insurance-eligibility;edition=2031-04\nlocalId,masterChangedAt\n")));
    assertTrue(
        cli.err().contains("has no layout edition '2031-04'; known editions: [2017-07, 2026-04]"),
        cli.err());
  }

  @Test
  void aMissingFileIsRefused() {
    assertEquals(2, replicas(dir.resolve("missing.csv")));
    assertTrue(cli.err().contains("missing.csv: cannot be read"), cli.err());
  }

  @Test
  void aFileThatIsNotUtf8IsRefusedBeforeAnythingIsApplied() throws Exception {
    Path f = dir.resolve("sjis.csv");
    Files.write(
        f,
        ("#item=medical-insurance-eligibility;edition=2026-04\n"
                + "localId,masterChangedAt,insurerNumber,insuranceType,insuredSymbol\n"
                + "K1,2026-06-01T00:00:00Z,06130001,02,霞101\n")
            .getBytes(Charset.forName("Shift_JIS")));
    assertEquals(2, replicas(f));
    assertTrue(
        cli.err().contains("sjis.csv: cannot be read as UTF-8 (save it as UTF-8)"), cli.err());
    assertTrue(cli.out().isEmpty(), "no summary: nothing was imported");
  }

  @Test
  void anUnterminatedQuoteIsRefusedNamingTheLine() throws Exception {
    Path f =
        file(
            "q.csv",
            "#item=local-tax-info;edition=2026-04\nlocalId,masterChangedAt,taxYear\n"
                + "T1,2026-06-01T00:00:00Z,2026\nT2,\"2026-06-01T00:00:00Z,2026\n");
    assertEquals(2, replicas(f));
    assertTrue(cli.err().contains("q.csv: not RFC 4180 CSV after line"), cli.err());
    assertTrue(cli.out().isEmpty(), "no summary: nothing was imported");
  }

  @Test
  void anUnknownAgencyIsRefused() throws Exception {
    Path f = file("c.csv", "localId,procedure,provider,item,edition\n");
    assertEquals(
        2,
        cli.run(
            "batch",
            "queries",
            "--agency",
            "muni-000000",
            "--file",
            f.toString(),
            "--out",
            dir.resolve("r.csv").toString(),
            "--jdbc-url",
            NOWHERE));
    assertTrue(cli.err().contains("unknown agency muni-000000"), cli.err());
  }

  @Test
  void anUnreachableDatabaseIsNamed() throws Exception {
    assertEquals(
        2,
        replicas(
            file(
                "d.csv",
                "#item=local-tax-info;edition=2026-04\nlocalId,masterChangedAt,taxYear\n")));
    assertTrue(cli.err().contains("cannot use database intermediate at " + NOWHERE), cli.err());
  }

  @Test
  void theDefaultReportSitsNextToTheFile() {
    assertEquals(
        Path.of("in", "tax.rejected.csv"),
        BatchReplicasCommand.defaultReport(Path.of("in", "tax.CSV")));
    assertEquals(
        Path.of("tax.txt.rejected.csv"), BatchReplicasCommand.defaultReport(Path.of("tax.txt")));
  }

  @Test
  void theTemplateIsTheItemLineAndTheColumnsInLayoutOrder() {
    assertEquals(
        0,
        cli.run(
            "batch",
            "template",
            "--item",
            "medical-insurance-eligibility",
            "--edition",
            "2026-04"));
    assertEquals(
        String.join(
            System.lineSeparator(),
            "#item=medical-insurance-eligibility;edition=2026-04",
            "localId,masterChangedAt,insurerNumber,insuranceType,insuredSymbol,insuredNumber,branchNumber,"
                + "insuredCategory,qualificationDate,disqualificationDate",
            ""),
        cli.out());
    assertEquals(2, cli.run("batch", "template", "--item", "nothing", "--edition", "2026-04"));
    assertTrue(cli.err().contains("no data standard layout for item 'nothing'"), cli.err());
  }

  @Test
  void aChunkBelowOneIsAUsageError() throws Exception {
    assertEquals(
        2, cli.run("batch", "replicas", "--agency", "nenkin", "--file", "x.csv", "--chunk", "0"));
    assertTrue(cli.err().contains("--chunk must be at least 1"), cli.err());
  }
}
