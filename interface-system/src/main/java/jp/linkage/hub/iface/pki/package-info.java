/**
 * The hub's PKI (認証基盤) as files and operations: an offline root CA, an issuing CA, certificates
 * issued from PKCS#10 requests (the private key never leaves its owner), revocation with a reason
 * and a CRL that stock {@code openssl} verifies. {@code hub pki} is its command line;
 * docs/security.md its place in the threat model.
 */
package jp.linkage.hub.iface.pki;
