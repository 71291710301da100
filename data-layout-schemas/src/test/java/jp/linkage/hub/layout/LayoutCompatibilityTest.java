package jp.linkage.hub.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import jp.linkage.hub.layout.api.ItemRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the README's compatibility table, on a small synthetic layout and on the shipped
 * editions.
 */
class LayoutCompatibilityTest {

  private static final LayoutCatalog CATALOG = LayoutCatalog.loadFromClasspath();
  private static final Set<ChangeKind> SEEN = EnumSet.noneOf(ChangeKind.class);

  private static final LayoutField NAME =
      new LayoutField("name", "氏名", "Name", FieldType.STRING, 20, null, List.of(), true, "氏名。");
  private static final LayoutField NOTE =
      new LayoutField("note", "備考", "Note", FieldType.STRING, null, null, List.of(), false, "備考。");
  private static final LayoutField KIND =
      new LayoutField(
          "kind",
          "区分",
          "Kind",
          FieldType.CODE,
          null,
          null,
          List.of(new CodeValue("1", "甲"), new CodeValue("2", "乙")),
          true,
          "区分。");
  private static final Layout BASE = layout("2017-07", List.of(NAME, NOTE, KIND));

  private static Layout layout(String edition, List<LayoutField> fields) {
    return new Layout(
        "test-item", edition, "試験情報", "Test information", LocalDate.of(2017, 7, 18), fields);
  }

  private static LayoutField with(
      LayoutField f,
      FieldType type,
      Integer maxLength,
      String pattern,
      List<CodeValue> codes,
      boolean required) {
    return new LayoutField(
        f.code(),
        f.nameJa(),
        f.nameEn(),
        type,
        maxLength,
        pattern,
        codes,
        required,
        f.description());
  }

  /** The single change from BASE to BASE with one field replaced. */
  private static LayoutChange only(String code, UnaryOperator<LayoutField> change) {
    List<LayoutField> fields = new ArrayList<>(BASE.fields());
    fields.replaceAll(f -> f.code().equals(code) ? change.apply(f) : f);
    return only(BASE, layout("2026-04", fields));
  }

  private static LayoutChange only(Layout older, Layout newer) {
    List<LayoutChange> changes = LayoutCompatibility.changes(older, newer);
    assertEquals(1, changes.size(), changes.toString());
    SEEN.add(changes.get(0).kind());
    return changes.get(0);
  }

  private static void assertVerdicts(
      LayoutChange c, ChangeKind kind, Verdict providers, Verdict queriers, String text) {
    assertEquals(kind, c.kind());
    assertEquals(providers, c.forProviders(), "providers: " + kind);
    assertEquals(queriers, c.forQueriers(), "queriers: " + kind);
    assertEquals(text, c.describe());
  }

  private static final Verdict OK = Verdict.COMPATIBLE;
  private static final Verdict NO = Verdict.BREAKING;

  @Test
  void addedFields() {
    LayoutField extra =
        new LayoutField(
            "extra", "追加", "Extra", FieldType.BOOLEAN, null, null, List.of(), false, "追加。");
    List<LayoutField> fields = new ArrayList<>(BASE.fields());
    fields.add(extra);
    assertVerdicts(
        only(BASE, layout("2026-04", fields)),
        ChangeKind.FIELD_ADDED_OPTIONAL,
        OK,
        OK,
        "extra: optional field added (追加)");
    fields.set(3, with(extra, FieldType.BOOLEAN, null, null, List.of(), true));
    assertVerdicts(
        only(BASE, layout("2026-04", fields)),
        ChangeKind.FIELD_ADDED_REQUIRED,
        NO,
        OK,
        "extra: required field added (追加)");
  }

  @Test
  void removedFields() {
    assertVerdicts(
        only(BASE, layout("2026-04", List.of(NAME, KIND))),
        ChangeKind.FIELD_REMOVED_OPTIONAL,
        NO,
        OK,
        "note: optional field removed (備考)");
    assertVerdicts(
        only(BASE, layout("2026-04", List.of(NOTE, KIND))),
        ChangeKind.FIELD_REMOVED_REQUIRED,
        NO,
        NO,
        "name: required field removed (氏名)");
  }

  @Test
  void typeChangeIsOneChangeWhateverElseChanged() {
    assertVerdicts(
        only("kind", f -> with(f, FieldType.STRING, 5, null, List.of(), false)),
        ChangeKind.TYPE_CHANGED,
        NO,
        NO,
        "kind: type CODE → STRING");
  }

  @Test
  void requiredness() {
    assertVerdicts(
        only("note", f -> with(f, f.type(), null, null, List.of(), true)),
        ChangeKind.BECAME_REQUIRED,
        NO,
        OK,
        "note: optional → required");
    assertVerdicts(
        only("name", f -> with(f, f.type(), 20, null, List.of(), false)),
        ChangeKind.BECAME_OPTIONAL,
        OK,
        NO,
        "name: required → optional");
  }

  @Test
  void maxLength() {
    assertVerdicts(
        only("name", f -> with(f, f.type(), 40, null, List.of(), true)),
        ChangeKind.MAX_LENGTH_RAISED,
        OK,
        NO,
        "name: maxLength 20 → 40");
    assertVerdicts(
        only("name", f -> with(f, f.type(), null, null, List.of(), true)),
        ChangeKind.MAX_LENGTH_RAISED,
        OK,
        NO,
        "name: maxLength 20 → (none)");
    assertVerdicts(
        only("name", f -> with(f, f.type(), 10, null, List.of(), true)),
        ChangeKind.MAX_LENGTH_LOWERED,
        NO,
        OK,
        "name: maxLength 20 → 10");
    assertVerdicts(
        only("note", f -> with(f, f.type(), 200, null, List.of(), false)),
        ChangeKind.MAX_LENGTH_LOWERED,
        NO,
        OK,
        "note: maxLength (none) → 200");
  }

  @Test
  void pattern() {
    assertVerdicts(
        only("note", f -> with(f, f.type(), null, "^[0-9]+$", List.of(), false)),
        ChangeKind.PATTERN_ADDED,
        NO,
        OK,
        "note: pattern (none) → ^[0-9]+$");
    LayoutField digits = with(NOTE, FieldType.STRING, null, "^[0-9]+$", List.of(), false);
    Layout older = layout("2017-07", List.of(NAME, digits, KIND));
    assertVerdicts(
        only(older, BASE), ChangeKind.PATTERN_REMOVED, OK, NO, "note: pattern ^[0-9]+$ → (none)");
    assertVerdicts(
        only(
            older,
            layout(
                "2026-04",
                List.of(
                    NAME,
                    with(digits, FieldType.STRING, null, "^[0-9]{1,3}$", List.of(), false),
                    KIND))),
        ChangeKind.PATTERN_CHANGED,
        NO,
        NO,
        "note: pattern ^[0-9]+$ → ^[0-9]{1,3}$");
  }

  @Test
  void codeLists() {
    List<CodeValue> three =
        List.of(new CodeValue("1", "甲"), new CodeValue("2", "乙"), new CodeValue("3", "丙"));
    assertVerdicts(
        only("kind", f -> with(f, f.type(), null, null, three, true)),
        ChangeKind.CODE_ADDED,
        OK,
        OK,
        "kind: code value '3' (丙) added");
    assertVerdicts(
        only("kind", f -> with(f, f.type(), null, null, three.subList(0, 1), true)),
        ChangeKind.CODE_REMOVED,
        NO,
        OK,
        "kind: code value '2' (乙) removed");
    List<CodeValue> relabelled = List.of(new CodeValue("1", "甲種"), new CodeValue("2", "乙"));
    assertVerdicts(
        only("kind", f -> with(f, f.type(), null, null, relabelled, true)),
        ChangeKind.CODE_LABEL_CHANGED,
        OK,
        OK,
        "kind: label of code value '1' 甲 → 甲種");
  }

  @Test
  void wordingAndOrder() {
    assertVerdicts(
        only(
            "note",
            f ->
                new LayoutField(
                    f.code(),
                    "摘要",
                    "Remarks",
                    f.type(),
                    null,
                    null,
                    List.of(),
                    false,
                    f.description())),
        ChangeKind.FIELD_NAME_CHANGED,
        OK,
        OK,
        "note: name 備考 / Note → 摘要 / Remarks");
    assertVerdicts(
        only(
            "note",
            f ->
                new LayoutField(
                    f.code(),
                    f.nameJa(),
                    f.nameEn(),
                    f.type(),
                    null,
                    null,
                    List.of(),
                    false,
                    "自由記述。")),
        ChangeKind.DESCRIPTION_CHANGED,
        OK,
        OK,
        "note: description changed");
    assertVerdicts(
        only(
            BASE,
            new Layout(
                "test-item",
                "2026-04",
                "試験関係情報",
                "Test information",
                LocalDate.of(2026, 4, 1),
                BASE.fields())),
        ChangeKind.ITEM_NAME_CHANGED,
        OK,
        OK,
        "item name 試験情報 / Test information → 試験関係情報 / Test information");
    assertVerdicts(
        only(BASE, layout("2026-04", List.of(KIND, NAME, NOTE))),
        ChangeKind.FIELD_ORDER_CHANGED,
        OK,
        OK,
        "field order changed");
  }

  @Test
  void identicalEditionsHaveNoChangesAndOtherItemsAreRefused() {
    assertEquals(List.of(), LayoutCompatibility.changes(BASE, layout("2026-04", BASE.fields())));
    Layout other =
        new Layout("other-item", "2026-04", "他", "Other", LocalDate.of(2026, 4, 1), BASE.fields());
    assertEquals(
        "layouts of different items: test-item, other-item",
        assertThrows(LayoutMismatchException.class, () -> LayoutCompatibility.changes(BASE, other))
            .getMessage());
  }

  @Test
  void shippedEditions() {
    assertEquals(
        List.of(),
        LayoutCompatibility.breakingChanges(
            edition("medical-insurance-eligibility", "2017-07"),
            edition("medical-insurance-eligibility", "2026-04")));
    assertEquals(
        List.of("branchNumber: optional field removed (枝番) (breaks providers)"),
        LayoutCompatibility.breakingChanges(
            edition("medical-insurance-eligibility", "2026-04"),
            edition("medical-insurance-eligibility", "2017-07")));
    List<LayoutChange> tax =
        LayoutCompatibility.changes(
            edition("local-tax-info", "2017-07"), edition("local-tax-info", "2018-07"));
    assertEquals(
        List.of(
            ChangeKind.CODE_ADDED,
            ChangeKind.FIELD_ADDED_OPTIONAL,
            ChangeKind.FIELD_ADDED_OPTIONAL),
        tax.stream().map(LayoutChange::kind).toList());
    assertEquals(Verdict.COMPATIBLE, LayoutCompatibility.forProviders(tax));
    assertEquals(
        List.of("widowDeduction: optional field removed (寡婦（寡夫）控除有無) (breaks providers)"),
        LayoutCompatibility.breakingChanges(
            edition("local-tax-info", "2018-07"), edition("local-tax-info", "2026-04")));
    List<LayoutChange> child =
        LayoutCompatibility.changes(
            edition("child-allowance", "2017-07"), edition("child-allowance", "2026-04"));
    assertEquals(Verdict.BREAKING, LayoutCompatibility.forQueriers(child));
    assertEquals(
        List.of(
            "paymentKind: required field removed (支給区分) (breaks providers and queriers)",
            "countedChildCount: required field added (多子加算算定対象児童数) (breaks providers)"),
        LayoutCompatibility.breakingChanges(
            edition("child-allowance", "2017-07"), edition("child-allowance", "2026-04")));
  }

  private static Layout edition(String item, String edition) {
    return CATALOG.layout(new ItemRef(item, edition));
  }

  @AfterAll
  static void everyKindOfChangeWasTested() {
    assertEquals(EnumSet.allOf(ChangeKind.class), SEEN, "kinds without a test");
  }
}
