package jp.linkage.hub.iface.pki;

/**
 * Whose certificate it is, written as the subject's organisation (O) so that the broker's principal
 * mapping ({@code CN=<party>,O=<agency|hub>}) can tell an agency from a hub component.
 */
public enum CertificateRole {
  /** An agency (機関): its systems, its back-office, its signing and encryption keys. */
  AGENCY("agency"),
  /**
   * A component of the hub: the core, the registry, an intermediate server, the broker, an admin.
   */
  COMPONENT("hub");

  private final String organisation;

  CertificateRole(String organisation) {
    this.organisation = organisation;
  }

  /** The subject's O attribute. */
  public String organisation() {
    return organisation;
  }

  /** The role named on a command line: {@code agency} or {@code component}. */
  public static CertificateRole parse(String name) {
    for (CertificateRole role : values()) {
      if (role.name().equalsIgnoreCase(name)) {
        return role;
      }
    }
    throw new IllegalArgumentException("role must be agency or component, not '" + name + "'");
  }
}
