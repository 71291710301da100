package jp.linkage.hub.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** No work at all: each step only forwards a value of the size the hub's message has. */
final class RawStages implements Stages {
  private final MessageSizes sizes;

  RawStages(MessageSizes sizes) {
    this.sizes = sizes;
  }

  static byte[] filler(int size) {
    byte[] b = new byte[size];
    Arrays.fill(b, (byte) 'x'); // JSON-like entropy does not matter: compression is off
    return b;
  }

  @Override
  public byte[] query(String linkageId, int i) {
    return filler(sizes.query());
  }

  @Override
  public List<byte[]> authorise(List<ConsumerRecord<String, byte[]>> queries) {
    return fill(queries.size(), sizes.provisionRequest());
  }

  @Override
  public List<byte[]> answer(List<ConsumerRecord<String, byte[]>> requests) {
    return fill(requests.size(), sizes.answer());
  }

  @Override
  public List<byte[]> deliver(List<ConsumerRecord<String, byte[]>> answers) {
    return fill(answers.size(), sizes.delivery());
  }

  @Override
  public List<Boolean> receive(List<ConsumerRecord<String, byte[]>> deliveries) {
    return new ArrayList<>(java.util.Collections.nCopies(deliveries.size(), true));
  }

  private static List<byte[]> fill(int n, int size) {
    List<byte[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(filler(size));
    }
    return out;
  }
}
