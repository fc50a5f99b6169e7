package org.settingsreconciler.sandbox;

import java.util.Map;

/**
 * Thrown anywhere in request handling to answer with a Graph error; the exchange turns it into the documented
 * {@code {"error":{...}}} body. Unchecked so that validation deep in a handler can simply refuse.
 */
class GraphErrorException extends RuntimeException {

  private final int status;
  private final String code;
  private final String innerCode;
  private final Map<String, String> headers;

  GraphErrorException(int status, String code, String message) {
    this(status, code, message, null, Map.of());
  }

  GraphErrorException(int status, String code, String message, String innerCode) {
    this(status, code, message, innerCode, Map.of());
  }

  GraphErrorException(int status, String code, String message, String innerCode, Map<String, String> headers) {
    super(message);
    this.status = status;
    this.code = code;
    this.innerCode = innerCode;
    this.headers = Map.copyOf(headers);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  /** The nested {@code innerError.code} the docs give for some errors, or null. */
  String innerCode() {
    return innerCode;
  }

  Map<String, String> headers() {
    return headers;
  }
}
