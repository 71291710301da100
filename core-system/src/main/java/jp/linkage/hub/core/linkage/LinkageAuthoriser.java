package jp.linkage.hub.core.linkage;

import jp.linkage.hub.core.api.RequestLinkageCommand;

/**
 * Judges a query against the permission table in force at its time and converts the querier's
 * symbol into the provider's. Pure: the same command and table always give the same outcome, which
 * is what lets an auditor re-judge past queries.
 */
@FunctionalInterface
public interface LinkageAuthoriser {
  AuthorisationOutcome authorise(RequestLinkageCommand command);
}
