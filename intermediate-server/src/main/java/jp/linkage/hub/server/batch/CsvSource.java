package jp.linkage.hub.server.batch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A UTF-8, RFC 4180 batch file read record by record: an optional first line that is not CSV (the
 * {@code #item=...} directive), the column header record, then the rows. Blank lines are skipped; a
 * leading byte order mark is ignored. Each row knows the physical line it starts on, so a report
 * can point at it even when quoted cells hold line breaks.
 */
public final class CsvSource implements AutoCloseable {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).build();

  private final Path file;
  private final BufferedReader reader;
  private final String directive;
  private final long lineOffset;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private CsvRow columns;

  private CsvSource(Path file, BufferedReader reader, String directive, long lineOffset)
      throws BatchInputException {
    this.file = file;
    this.reader = reader;
    this.directive = directive;
    this.lineOffset = lineOffset;
    try {
      this.parser = FORMAT.parse(reader);
    } catch (IOException e) {
      throw new BatchInputException(file + ": cannot be read: " + e.getMessage(), e);
    }
    this.records = parser.iterator();
  }

  /**
   * Opens {@code file}; with {@code directiveLine} its first line is kept apart (see {@link
   * #directive()}).
   *
   * @throws BatchInputException when the file cannot be read or has no column header
   */
  public static CsvSource open(Path file, boolean directiveLine) throws BatchInputException {
    BufferedReader reader = null;
    try {
      reader =
          Files.newBufferedReader(file, StandardCharsets.UTF_8); // reports bytes that are not UTF-8
      skipByteOrderMark(reader);
      String directive = null;
      if (directiveLine) {
        directive = reader.readLine();
        if (directive == null) {
          throw new BatchInputException(
              file + ": the file is empty (expected a first line #item=...;edition=...)");
        }
      }
      return new CsvSource(file, reader, directive, directiveLine ? 1 : 0);
    } catch (IOException e) {
      closeQuietly(reader);
      throw new BatchInputException(
          file
              + ": cannot be read"
              + (e instanceof CharacterCodingException ? " as UTF-8 (save it as UTF-8)" : "")
              + ": "
              + e,
          e);
    } catch (BatchInputException e) {
      closeQuietly(reader);
      throw e;
    }
  }

  /**
   * Reads the whole file once and counts its rows (after the column header); as a side effect this
   * proves the file is UTF-8 and well-formed CSV before anything of it is applied.
   */
  public static long countRows(Path file, boolean directiveLine) throws BatchInputException {
    try (CsvSource source = open(file, directiveLine)) {
      source.columns();
      long n = 0;
      while (source.next().isPresent()) {
        n++;
      }
      return n;
    }
  }

  /** The first line when opened with a directive line, without its line break. */
  public Optional<String> directive() {
    return Optional.ofNullable(directive);
  }

  /**
   * The column header record (read on the first call, after the directive line).
   *
   * @throws BatchInputException when the file ends before it
   */
  public CsvRow columns() throws BatchInputException {
    if (columns == null) {
      columns = next().orElseThrow(() -> new BatchInputException("no column header line"));
    }
    return columns;
  }

  /** The next row, or empty at the end of the file. */
  public Optional<CsvRow> next() throws BatchInputException {
    try {
      if (!records.hasNext()) {
        return Optional.empty();
      }
      CSVRecord r = records.next();
      List<String> cells = r.toList();
      long endLine = lineOffset + parser.getCurrentLineNumber();
      return Optional.of(new CsvRow(endLine - lineBreaks(cells), cells));
    } catch (UncheckedIOException | IllegalStateException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      long line = lineOffset + parser.getCurrentLineNumber();
      throw new BatchInputException(
          cause instanceof CharacterCodingException
              ? file
                  + ": cannot be read as UTF-8 (save it as UTF-8) after line "
                  + line
                  + ": "
                  + cause
              : file + ": not RFC 4180 CSV after line " + line + ": " + cause.getMessage(),
          e);
    }
  }

  /** Line breaks inside quoted cells: the record started that many lines before it ended. */
  private static long lineBreaks(List<String> cells) {
    long n = 0;
    for (String cell : cells) {
      for (int i = 0; i < cell.length(); i++) {
        char ch = cell.charAt(i);
        if (ch == '\n' || (ch == '\r' && (i + 1 == cell.length() || cell.charAt(i + 1) != '\n'))) {
          n++;
        }
      }
    }
    return n;
  }

  private static void skipByteOrderMark(BufferedReader reader) throws IOException {
    reader.mark(1);
    if (reader.read() != '\uFEFF') {
      reader.reset();
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // already failing with a clearer message
      }
    }
  }

  @Override
  public void close() {
    closeQuietly(parser);
    closeQuietly(reader);
  }
}
