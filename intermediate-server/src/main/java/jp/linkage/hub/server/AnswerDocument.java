package jp.linkage.hub.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The plaintext inside a sealed answer: the replica record and how fresh it is.
 *
 * @param asOf when the replica last received a change from the master
 * @param masterChangedAt when the master changed for that replica state
 */
public record AnswerDocument(String item, String edition, Instant asOf, Instant masterChangedAt,
    JsonNode data) {}
