package jp.linkage.hub.server.query;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import jp.linkage.hub.server.api.QueryCompletion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces every query of a hosted agency that completes, after its transaction committed: first
 * to the tracker (the bulk dispatcher, which frees the query's place in its window), then to every
 * listener added through the facade. It runs on the thread that completed the query (the inbound
 * loop, the bulk dispatcher); a listener must be quick and must not block, and what it throws is
 * logged and otherwise ignored.
 */
public final class Completions {
  private static final Logger log = LoggerFactory.getLogger(Completions.class);

  private final List<Consumer<QueryCompletion>> listeners = new CopyOnWriteArrayList<>();
  private volatile Consumer<QueryCompletion> tracker;

  /**
   * Sets the one tracker told of each completion before the listeners, unguarded: what it throws
   * reaches the announcing thread. Set while the server is wired, before its inbound loop starts;
   * completions announced before then are not tracked.
   */
  public void track(Consumer<QueryCompletion> tracker) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
  }

  public void add(Consumer<QueryCompletion> listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  public void remove(Consumer<QueryCompletion> listener) {
    listeners.remove(listener);
  }

  public void announce(QueryCompletion completion) {
    Consumer<QueryCompletion> first = tracker;
    if (first != null) { // null only while the tracker itself is being built
      first.accept(completion);
    }
    for (Consumer<QueryCompletion> listener : listeners) {
      try {
        listener.accept(completion);
      } catch (RuntimeException e) {
        // the result is committed either way; a faulty listener must not stall the inbound loop
        log.warn(
            "completion listener failed for linkage {}: {}", completion.linkageId(), e.toString());
      }
    }
  }
}
