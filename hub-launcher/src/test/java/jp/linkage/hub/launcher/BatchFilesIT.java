package jp.linkage.hub.launcher;

import static jp.linkage.hub.launcher.DemoPeople.INSURER;
import static jp.linkage.hub.launcher.DemoPeople.NENKIN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import jp.linkage.hub.registry.Person;
import jp.linkage.hub.testing.Sql;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hub batch} against the shared demo hub's intermediate server database (real PostgreSQL): a
 * replica file with good and bad rows, imported twice, then an older file; and a query file whose
 * queries the running server relays and answers.
 */
class BatchFilesIT {
  private static final String ITEM = "medical-insurance-eligibility";

  @TempDir Path dir;

  private final HubCli cli = new HubCli();

  private static String jdbcUrl() throws Exception {
    return DemoRun.hub().infra().jdbcUrl(Hub.SERVER_DATABASE);
  }

  private Path write(String name, String... lines) throws Exception {
    return Files.writeString(
        dir.resolve(name), String.join("\r\n", lines) + "\r\n", StandardCharsets.UTF_8);
  }

  private static List<CSVRecord> csv(Path file) throws Exception {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return CSVFormat.RFC4180.parse(r).getRecords();
    }
  }

  @Test
  void aReplicaFileIsImportedRowByRowRejectsAreReportedAndASecondImportChangesNothing()
      throws Exception {
    DemoRun.hub();
    String p = "KB" + System.nanoTime() % 1_000_000_000L + "-";
    // the masters changed an hour ago, in Japan time: within every deadline, so no row is late
    ZonedDateTime changed =
        ZonedDateTime.now(ZoneId.of("Asia/Tokyo")).minusHours(1).truncatedTo(ChronoUnit.SECONDS);
    String t = changed.toOffsetDateTime().toString();
    String columns =
        "localId,masterChangedAt,insurerNumber,insuranceType,insuredSymbol,insuredNumber,"
            + "branchNumber,insuredCategory,qualificationDate,disqualificationDate";
    Path file =
        write(
            "eligibility.csv",
            "#item=" + ITEM + ";edition=2026-04",
            columns,
            p + "1," + t + ",06130001,02,霞101,10001,01,1,2019-04-01,",
            p + "2," + t + ",06130001,02,,,,1,2019-04-01,",
            p + "3," + t + ",06130001,02,\"霞,102\",10003,,1,2019-04-01,2026-05-31",
            p + "4," + t + ",06130001,02,霞103,10004,,1,2019-04-31,",
            p + "5," + t + ",06130001,02,霞104,10005,,1,2019-04-01,,surplus",
            p + "6," + t + ",06130001,02,霞105,10006,,1,2019-04-01,");
    Path report = dir.resolve("rejects.csv");
    String[] args = {
      "batch",
      "replicas",
      "--agency",
      INSURER,
      "--file",
      file.toString(),
      "--report",
      report.toString(),
      "--jdbc-url",
      jdbcUrl()
    };

    assertEquals(1, cli.run(args), cli.err());
    assertTrue(
        cli.out().contains("read 6, applied 3, unchanged 0, superseded 0, rejected 3, late 0"),
        cli.out());
    assertTrue(cli.err().contains("replicas: 6/6 rows (100%)"), cli.err());
    List<CSVRecord> rejects = csv(report);
    assertEquals(List.of("line", "localId", "field", "rule", "message"), rejects.get(0).toList());
    assertEquals(
        List.of("4", p + "2", "insuredNumber", "REQUIRED"), rejects.get(1).toList().subList(0, 4));
    assertEquals(
        List.of("6", p + "4", "qualificationDate", "TYPE"), rejects.get(2).toList().subList(0, 4));
    assertEquals(List.of("7", p + "5", "", "CELL_COUNT"), rejects.get(3).toList().subList(0, 4));
    assertEquals(4, rejects.size());

    DataSource db = DemoRun.hub().infra().dataSource(Hub.SERVER_DATABASE);
    assertEquals(List.of(p + "1", p + "3", p + "6"), replicaIds(db, p));
    JsonNode third = replica(db, p + "3");
    assertEquals("霞,102", third.get("insuredSymbol").asText());
    assertEquals("2026-05-31", third.get("disqualificationDate").asText());
    assertTrue(
        !replica(db, p + "1").has("disqualificationDate"), "an empty cell is an absent field");

    cli.clear();
    assertEquals(1, cli.run(args));
    assertTrue(
        cli.out().contains("read 6, applied 0, unchanged 3, superseded 0, rejected 3"), cli.out());

    Path older =
        write(
            "older.csv",
            "#item=" + ITEM + ";edition=2026-04",
            columns,
            p
                + "1,"
                + changed.minusMinutes(30).toOffsetDateTime()
                + ",06130001,02,霞101,99999,,1,2019-04-01,");
    cli.clear();
    assertEquals(
        0,
        cli.run(
            "batch",
            "replicas",
            "--agency",
            INSURER,
            "--file",
            older.toString(),
            "--jdbc-url",
            jdbcUrl()));
    assertTrue(
        cli.out().contains("read 1, applied 0, unchanged 0, superseded 1, rejected 0"), cli.out());
    assertEquals(
        "10001",
        replica(db, p + "1").get("insuredNumber").asText(),
        "the newer master state stays");
    assertEquals(1, csv(dir.resolve("older.rejected.csv")).size(), "a report with its header only");
  }

  @Test
  void aLongFileGoesInChunkByChunkWithProgressOnStderr() throws Exception {
    DemoRun.hub();
    String p = "KL" + System.nanoTime() % 1_000_000_000L + "-";
    String t =
        ZonedDateTime.now(ZoneId.of("Asia/Tokyo"))
            .minusHours(1)
            .truncatedTo(ChronoUnit.SECONDS)
            .toOffsetDateTime()
            .toString();
    List<String> lines =
        new ArrayList<>(
            List.of(
                "#item=" + ITEM + ";edition=2026-04",
                "localId,masterChangedAt,insurerNumber,insuranceType,insuredNumber,insuredCategory,qualificationDate"));
    int rows = 1_234;
    for (int i = 0; i < rows; i++) {
      lines.add(p + i + "," + t + ",06130001,02," + (20_000 + i) + ",1,2020-04-01");
    }
    Path file = write("long.csv", lines.toArray(String[]::new));

    assertEquals(
        0,
        cli.run(
            "batch",
            "replicas",
            "--agency",
            INSURER,
            "--file",
            file.toString(),
            "--chunk",
            "500",
            "--jdbc-url",
            jdbcUrl()),
        cli.err());
    assertTrue(
        cli.out().contains("read 1234, applied 1234, unchanged 0, superseded 0, rejected 0"),
        cli.out());
    assertTrue(cli.err().contains("replicas: 1234/1234 rows (100%)"), cli.err());
    assertEquals(rows, replicaIds(DemoRun.hub().infra().dataSource(Hub.SERVER_DATABASE), p).size());
  }

  @Test
  void aQueryFileIsSentThroughTheRunningServerAndEveryRowGetsAResult() throws Exception {
    DemoRun.report(); // symbols and replicas in place
    List<Person> people = DemoRun.hub().registry().persons();
    String provider = DemoPeople.municipalityOf(people.get(0));
    Path file =
        write(
            "queries.csv",
            "localId,procedure,provider,item,edition",
            DemoPeople.idFor(NENKIN, 0)
                + ",pension-benefit-eligibility,"
                + provider
                + ",local-tax-info,2026-04",
            "N99999999,pension-benefit-eligibility," + provider + ",local-tax-info,2026-04",
            DemoPeople.idFor(NENKIN, 1)
                + ",pension-benefit-eligibility,"
                + provider
                + ",local-tax,2026-04",
            DemoPeople.idFor(NENKIN, people.size() - 1)
                + ",pension-benefit-eligibility,"
                + DemoPeople.municipalityOf(people.get(people.size() - 1))
                + ",local-tax-info,2026-04");
    Path out = dir.resolve("results.csv");

    assertEquals(
        1,
        cli.run(
            "batch",
            "queries",
            "--agency",
            NENKIN,
            "--file",
            file.toString(),
            "--out",
            out.toString(),
            "--timeout",
            "60",
            "--jdbc-url",
            jdbcUrl()),
        cli.err());
    assertTrue(
        cli.out().contains("read 4, rejected 2, final {ANSWERED=2}, no result yet 0"), cli.out());
    List<CSVRecord> results = csv(out);
    assertEquals(
        List.of(
            "line",
            "localId",
            "linkageId",
            "status",
            "outcome",
            "freshness",
            "field",
            "rule",
            "data",
            "detail"),
        results.get(0).toList());
    CSVRecord answered = results.get(1);
    assertEquals(List.of("2", DemoPeople.idFor(NENKIN, 0)), answered.toList().subList(0, 2));
    assertEquals(List.of("ANSWERED", "PROVIDED", "FRESH"), answered.toList().subList(3, 6));
    assertEquals(
        2026, new ObjectMapper().readTree(answered.get(8)).get("taxYear").asInt(), answered.get(8));
    assertEquals(
        List.of("REJECTED", "", "", "localId", "UNKNOWN_PERSON"),
        results.get(2).toList().subList(3, 8));
    assertEquals(
        List.of("REJECTED", "", "", "item", "UNKNOWN_ITEM"), results.get(3).toList().subList(3, 8));
    assertEquals(
        List.of("5", "ANSWERED", "NO_RECORD"),
        List.of(results.get(4).get(0), results.get(4).get(3), results.get(4).get(4)));
    assertTrue(
        DemoRun.hub().server().result(NENKIN, answered.get(2)).orElseThrow().isFinal(),
        "the server knows the query by the linkage id in the results file");
  }

  private static List<String> replicaIds(DataSource db, String prefix) throws Exception {
    return Sql.column(
        db,
        "SELECT local_id FROM is_replica WHERE agency = ? AND item = ? AND local_id LIKE ?"
            + " ORDER BY local_id",
        INSURER,
        ITEM,
        prefix + "%");
  }

  private static JsonNode replica(DataSource db, String localId) throws Exception {
    List<String> documents =
        Sql.column(
            db,
            "SELECT document FROM is_replica WHERE agency = ? AND item = ?" + " AND local_id = ?",
            INSURER,
            ITEM,
            localId);
    assertFalse(documents.isEmpty(), "no replica for " + localId);
    return new ObjectMapper().readTree(documents.get(0));
  }
}
