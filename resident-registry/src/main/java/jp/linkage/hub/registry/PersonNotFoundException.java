package jp.linkage.hub.registry;

/** No resident with the given My Number is registered. The message never contains the number. */
public final class PersonNotFoundException extends IllegalArgumentException {

  public PersonNotFoundException(String message) {
    super(message);
  }
}
