package jp.linkage.hub.launcher;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import jp.linkage.hub.calendar.BusinessCalendar;
import jp.linkage.hub.calendar.NationalHolidays;
import jp.linkage.hub.calendar.NonBusinessDay;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code hub calendar}: the non-business days (行政機関の休日) the hub counts replica deadlines with, so
 * that an operator can check them. Output is machine-readable: {@code date<TAB>kind<TAB>name} per
 * line.
 */
@Command(
    name = "calendar",
    mixinStandardHelpOptions = true,
    description = {
      "Print every non-business day of the Japanese government calendar from --from to --to"
          + " (both inclusive), one per line: date<TAB>kind<TAB>name.",
      "kind: holiday (国民の祝日, 振替休日, 国民の休日), closure (年末年始の休日, 29 Dec - 3 Jan) or weekend"
          + " (土曜日, 日曜日); a day that is several is the first of these.",
      "Exit 2 on a bad date, --from after --to, or a date outside 1949-01-01..2099-12-31."
    })
final class CalendarCommand implements Callable<Integer> {
  static final LocalDate FIRST = LocalDate.of(NationalHolidays.FIRST_YEAR, 1, 1);
  static final LocalDate LAST = LocalDate.of(NationalHolidays.LAST_YEAR, 12, 31);

  @Option(
      names = "--from",
      required = true,
      paramLabel = "YYYY-MM-DD",
      converter = IsoDate.class,
      description = "First day of the range.")
  LocalDate from;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "YYYY-MM-DD",
      converter = IsoDate.class,
      description = "Last day of the range.")
  LocalDate to;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (from.isAfter(to)) {
      throw new ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
    }
    for (LocalDate d : new LocalDate[] {from, to}) {
      if (d.isBefore(FIRST) || d.isAfter(LAST)) {
        // The Act's first full year, and the last year the equinox approximation holds.
        throw new ParameterException(
            spec.commandLine(), d + " is outside the calendar's range " + FIRST + ".." + LAST);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    for (NonBusinessDay day : BusinessCalendar.japaneseGovernment().nonBusinessDays(from, to)) {
      out.print(
          day.date()
              + "\t"
              + day.kind().label()
              + "\t"
              + day.nameJa()
              + "\n"); // \n on every platform
    }
    out.flush();
    return 0;
  }

  /** Only strict ISO dates: {@code 2025-02-30} and {@code 2025-2-3} are refused, not adjusted. */
  static final class IsoDate implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a date of the form YYYY-MM-DD");
      }
    }
  }
}
