package jp.linkage.hub.server.api;

import jp.linkage.hub.iface.crypto.AgencyCredentials;

/** One agency hosted by an intermediate server process, with its signing and decryption keys. */
public record Tenant(String agency, AgencyCredentials credentials) {}
