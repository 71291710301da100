package jp.linkage.hub.core.permission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import jp.linkage.hub.core.api.AgencyType;

/**
 * All known editions of 別表第二 / 主務省令の表. Chooses the edition in force at a given moment and judges
 * queries against it; keeps old editions so that past queries can be re-judged.
 */
public final class PermissionTable {

  /** Legal dates in the table are Japanese calendar days. */
  public static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  /** Class-path folder holding {@code index.json} and the version files. */
  public static final String DEFAULT_DIRECTORY = "permission-table";

  private final List<PermissionTableVersion> versions; // sorted by validFrom, ascending

  /**
   * @param versions the editions; ids and start dates must be distinct
   */
  public PermissionTable(List<PermissionTableVersion> versions) {
    this.versions =
        versions.stream().sorted(Comparator.comparing(PermissionTableVersion::validFrom)).toList();
    for (int i = 1; i < this.versions.size(); i++) {
      if (this.versions.get(i).validFrom().equals(this.versions.get(i - 1).validFrom())) {
        throw new PermissionTableFormatException(
            "versions "
                + this.versions.get(i - 1).version()
                + " and "
                + this.versions.get(i).version()
                + " have the same validFrom "
                + this.versions.get(i).validFrom());
      }
    }
  }

  /** Loads every version listed in {@code permission-table/index.json} on the class path. */
  public static PermissionTable loadFromClasspath() {
    return PermissionTableLoader.fromClasspath(DEFAULT_DIRECTORY);
  }

  /** All versions, oldest first. */
  public List<PermissionTableVersion> versions() {
    return versions;
  }

  /** The version with this id, e.g. to re-judge a recorded decision. */
  public Optional<PermissionTableVersion> version(String versionId) {
    return versions.stream().filter(v -> v.version().equals(versionId)).findFirst();
  }

  /** The version in force on the Tokyo date of {@code at}, if any version had started by then. */
  public Optional<PermissionTableVersion> findInForceAt(Instant at) {
    LocalDate date = LocalDate.ofInstant(at, TOKYO);
    PermissionTableVersion found = null;
    for (PermissionTableVersion v : versions) {
      if (!v.validFrom().isAfter(date)) {
        found = v;
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * The version in force on the Tokyo date of {@code at}.
   *
   * @throws NoTableInForceException if {@code at} is before the first version's start
   */
  public PermissionTableVersion inForceAt(Instant at) {
    return findInForceAt(at)
        .orElseThrow(() -> new NoTableInForceException(at, LocalDate.ofInstant(at, TOKYO)));
  }

  /**
   * Judges a query made at {@code at} against the version then in force. A denial carries the
   * specific {@link DenialReason}; this method never throws for a denial.
   */
  public AuthorisationDecision authorise(
      AgencyType querier, String procedure, AgencyType provider, String item, Instant at) {
    Objects.requireNonNull(at, "at");
    LocalDate date = LocalDate.ofInstant(at, TOKYO);
    Optional<PermissionTableVersion> inForce = findInForceAt(at);
    if (inForce.isEmpty()) {
      return AuthorisationDecision.deny(
          null,
          null,
          DenialReason.NO_TABLE_IN_FORCE,
          "Denied (querier type %s, procedure %s, provider type %s, item %s): no permission table in force on %s"
              .formatted(querier, procedure, provider, item, date));
    }
    return inForce.get().authorise(querier, procedure, provider, item, date);
  }
}
