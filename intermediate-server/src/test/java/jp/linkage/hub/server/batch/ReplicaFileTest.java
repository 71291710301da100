package jp.linkage.hub.server.batch;

import static jp.linkage.hub.server.batch.BatchFiles.LAYOUTS;
import static jp.linkage.hub.server.batch.BatchFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.linkage.hub.layout.api.ItemRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV rows → the layout's JSON documents, and every kind of bad row with its line, field and rule.
 */
class ReplicaFileTest {
  private static final String TAX = "#item=local-tax-info;edition=2026-04";
  private static final String TAX_COLUMNS =
      "localId,masterChangedAt,taxYear,levyingMunicipalityCode,"
          + "taxationCategory,totalIncome,spouseDeduction";

  @TempDir Path dir;

  private List<ReplicaRow> read(String... lines) throws Exception {
    List<ReplicaRow> rows = new ArrayList<>();
    try (ReplicaFile file = ReplicaFile.open(write(dir, "replicas.csv", lines), LAYOUTS)) {
      for (Optional<ReplicaRow> r = file.next(); r.isPresent(); r = file.next()) {
        rows.add(r.get());
      }
    }
    return rows;
  }

  @Test
  void aGoodRowBecomesTheTypedDocumentTheLayoutExpects() throws Exception {
    ReplicaRow row =
        read(TAX, TAX_COLUMNS, "tax-001,2026-06-01T09:00:00+09:00,2026,131016,1,3500000,true")
            .get(0);
    assertTrue(row.valid(), row.problems().toString());
    assertEquals(3, row.line());
    assertEquals("tax-001", row.localId());
    assertEquals(Instant.parse("2026-06-01T00:00:00Z"), row.masterChangedAt());
    assertTrue(row.document().get("taxYear").isIntegralNumber());
    assertEquals(3_500_000L, row.document().get("totalIncome").longValue());
    assertTrue(row.document().get("spouseDeduction").isBoolean());
    assertEquals(
        "131016", row.document().get("levyingMunicipalityCode").textValue(), "codes stay text");
  }

  @Test
  void anEmptyCellIsAnAbsentField() throws Exception {
    ReplicaRow row = read(TAX, TAX_COLUMNS, "tax-002,2026-06-01T00:00:00Z,2026,131016,0,,").get(0);
    assertTrue(row.valid(), row.problems().toString());
    assertFalse(row.document().has("totalIncome"));
    assertFalse(row.document().has("spouseDeduction"));
  }

  @Test
  void wrongTypeAndBadBooleanAreTheValidatorsTypeViolations() throws Exception {
    ReplicaRow row =
        read(TAX, TAX_COLUMNS, "tax-003,2026-06-01T00:00:00Z,2026,131016,1,3.5m,yes").get(0);
    assertEquals(List.of("totalIncome TYPE", "spouseDeduction TYPE"), fieldRules(row));
    assertTrue(
        row.problems().get(0).message().contains("must be an integer"),
        row.problems().get(0).message());
  }

  @Test
  void missingRequiredFieldBadDateAndBadCodeAreNamed() throws Exception {
    List<ReplicaRow> rows =
        read(
            "#item=medical-insurance-eligibility;edition=2026-04",
            "localId,masterChangedAt,insurerNumber,insuranceType,insuredNumber,insuredCategory,qualificationDate",
            "ins-1,2026-06-01T00:00:00Z,06130001,06,A-1,1,2026-04-01",
            "ins-2,2026-06-01T00:00:00Z,06130001,06,,1,2026-02-30",
            "ins-3,2026-06-01T00:00:00Z,06130001,99,A-3,1,2026-04-01");
    assertTrue(rows.get(0).valid(), rows.get(0).problems().toString());
    assertEquals(
        List.of("insuredNumber REQUIRED", "qualificationDate TYPE"), fieldRules(rows.get(1)));
    assertEquals(4, rows.get(1).line());
    assertEquals(List.of("insuranceType CODE_LIST"), fieldRules(rows.get(2)));
  }

  @Test
  void aColumnOutsideTheLayoutRejectsTheRowsThatFillIt() throws Exception {
    try (ReplicaFile file =
        ReplicaFile.open(
            write(
                dir,
                "r.csv",
                TAX,
                TAX_COLUMNS + ",nickname",
                "tax-004,2026-06-01T00:00:00Z,2026,131016,1,,,Taro",
                "tax-005,2026-06-01T00:00:00Z,2026,131016,1,,,"),
            LAYOUTS)) {
      assertEquals(List.of("nickname"), file.unknownColumns());
      assertEquals(List.of("nickname UNKNOWN_FIELD"), fieldRules(file.next().orElseThrow()));
      assertTrue(file.next().orElseThrow().valid(), "an empty cell is no field, known or not");
    }
  }

  @Test
  void tooManyOrTooFewCellsRejectTheRowAsAWhole() throws Exception {
    List<ReplicaRow> rows =
        read(
            TAX,
            TAX_COLUMNS,
            "tax-006,2026-06-01T00:00:00Z,2026,131016,1,,,extra",
            "tax-007,2026-06-01T00:00:00Z,2026");
    assertEquals(List.of(" CELL_COUNT"), fieldRules(rows.get(0)));
    assertTrue(rows.get(0).problems().get(0).message().contains("8 cells, the column header 7"));
    assertEquals(List.of(" CELL_COUNT"), fieldRules(rows.get(1)));
  }

  @Test
  void fixedColumnsAreRequiredAndTheTimeMustBeADateTimeWithOffset() throws Exception {
    List<ReplicaRow> rows =
        read(
            TAX,
            TAX_COLUMNS,
            ",2026-06-01T00:00:00Z,2026,131016,1,,",
            "tax-008,2026-06-01 09:00,2026,131016,1,,",
            "tax-009,,2026,131016,1,,");
    assertEquals(List.of("localId REQUIRED"), fieldRules(rows.get(0)));
    assertEquals(List.of("masterChangedAt TYPE"), fieldRules(rows.get(1)));
    assertEquals(List.of("masterChangedAt REQUIRED"), fieldRules(rows.get(2)));
  }

  @Test
  void lineNumbersCountBlankLinesAndLineBreaksInsideQuotedCells() throws Exception {
    List<ReplicaRow> rows =
        read(
            TAX,
            TAX_COLUMNS,
            "",
            "\"tax-\n010\",2026-06-01T00:00:00Z,2026,131016,1,,",
            "tax-011,2026-06-01T00:00:00Z,x,131016,1,,");
    assertEquals(4, rows.get(0).line());
    assertEquals(6, rows.get(1).line());
    assertEquals(6, rows.get(1).problems().get(0).line());
  }

  @Test
  void theItemLineMayCarryTheEmptyCellsASpreadsheetAddsWhenSavingAsCsv() throws Exception {
    assertEquals(
        new BatchFileHeader(new ItemRef("local-tax-info", "2026-04")),
        BatchFileHeader.parse("#item=local-tax-info;edition=2026-04,,,,"));
    assertEquals(
        new BatchFileHeader(new ItemRef("local-tax-info", "2026-04")),
        BatchFileHeader.parse("# item=local-tax-info ; edition=2026-04"));
  }

  @Test
  void unusableHeadersAreRefusedNamingTheProblem() throws Exception {
    assertEquals(
        "first line: no edition=... (expected e.g. #item=medical-insurance-eligibility;edition=2026-04)",
        refusal("#item=local-tax-info", TAX_COLUMNS).replaceFirst("^.*?: ", ""));
    assertTrue(
        refusal("localId,masterChangedAt,taxYear")
            .contains("the first line must name the layout item"));
    assertTrue(
        refusal("#item=local-tax;edition=2026-04", TAX_COLUMNS)
            .contains("no data standard layout for item 'local-tax'"));
    assertTrue(
        refusal("#item=local-tax-info;edition=1999-01", TAX_COLUMNS).contains("known editions"));
    assertTrue(
        refusal(TAX, "masterChangedAt,localId,taxYear")
            .contains("the columns must start with localId,masterChangedAt"));
    assertTrue(
        refusal(TAX, "localId,masterChangedAt,taxYear,taxYear")
            .contains("column taxYear appears twice"));
    assertTrue(refusal(TAX).contains("no column header"));
  }

  private String refusal(String... lines) {
    return assertThrows(
            BatchInputException.class,
            () -> ReplicaFile.open(write(dir, "bad.csv", lines), LAYOUTS).close())
        .getMessage();
  }

  private static List<String> fieldRules(ReplicaRow row) {
    return row.problems().stream().map(p -> p.field() + " " + p.rule()).toList();
  }
}
