package jp.linkage.hub.registry;

/** 住民票コードの形式エラー: the input is not 11 ASCII digits. The message never contains the input. */
public final class InvalidResidentRecordCodeException extends IllegalArgumentException {

  public InvalidResidentRecordCodeException(String message) {
    super(message);
  }
}
