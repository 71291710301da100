package jp.linkage.hub.server.batch;

/**
 * Why one row of a batch file was rejected; a row may have several.
 *
 * @param line the physical line the row starts on (1-based)
 * @param localId the agency's own id (利用番号) from the row, or "" when it has none
 * @param field the column (layout field code or fixed column); "" for the row as a whole
 * @param rule the rule broken: a layout {@link jp.linkage.hub.layout.Rule} name or a file rule
 *     (CELL_COUNT, REQUIRED, TYPE of a fixed column, NOT_IN_FUTURE, UNKNOWN_PERSON, ...)
 * @param message what is wrong, naming field and rule
 */
public record RowProblem(long line, String localId, String field, String rule, String message) {}
