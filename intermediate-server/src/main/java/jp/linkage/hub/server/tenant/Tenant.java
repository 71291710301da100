package jp.linkage.hub.server.tenant;

import jp.linkage.hub.iface.crypto.AgencyCredentials;

/**
 * One agency hosted by an intermediate server process, with its signing and decryption keys: part
 * of what the process starts with ({@code ServerSetup}), not of what callers send.
 */
public record Tenant(String agency, AgencyCredentials credentials) {}
