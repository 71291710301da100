package jp.linkage.hub.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayoutCompatibilityTest {

    private static final LayoutCatalog CATALOG = LayoutCatalog.loadFromClasspath();
    private static final Layout OLD = CATALOG.layout("medical-insurance-eligibility", "2017-07");
    private static final Layout NEW = CATALOG.layout("medical-insurance-eligibility", "2026-04");

    private static Layout withFields(List<LayoutField> fields) {
        return new Layout(NEW.item(), "2099-01", NEW.nameJa(), NEW.nameEn(), LocalDate.of(2099, 1, 1), fields);
    }

    private static LayoutField copy(LayoutField f, FieldType type, boolean required, List<CodeValue> codes) {
        return new LayoutField(f.code(), f.nameJa(), f.nameEn(), type, f.maxLength(), f.pattern(), codes, required,
                f.description());
    }

    @Test
    void addingAnOptionalFieldIsCompatible() {
        assertEquals(List.of(), LayoutCompatibility.breakingChanges(OLD, NEW));
    }

    @Test
    void removingAFieldIsBreaking() {
        assertEquals(List.of("branchNumber: field removed"), LayoutCompatibility.breakingChanges(NEW, OLD));
    }

    @Test
    void retypingRequiringOrDroppingCodesIsBreaking() {
        List<LayoutField> fields = new ArrayList<>(NEW.fields());
        LayoutField type = NEW.field("insuranceType").orElseThrow();
        LayoutField symbol = NEW.field("insuredSymbol").orElseThrow();
        LayoutField category = NEW.field("insuredCategory").orElseThrow();
        fields.set(fields.indexOf(type), copy(type, FieldType.CODE, true, type.codes().subList(0, 6)));
        fields.set(fields.indexOf(symbol), copy(symbol, FieldType.STRING, true, List.of()));
        fields.set(fields.indexOf(category), copy(category, FieldType.STRING, true, List.of()));
        assertEquals(List.of("insuranceType: code value '07' removed", "insuredSymbol: became required",
                "insuredCategory: type changed from CODE to STRING"),
                LayoutCompatibility.breakingChanges(NEW, withFields(fields)));
    }
}
