package io.millflow.engine.events;

/**
 * A delivery error made fit to store and show: whatever a subscriber answered (binary garbage, NUL
 * bytes, a megabyte of HTML) ends up in an error text, and PostgreSQL refuses NUL in text, so a
 * text is stored only once it holds no control characters and is of bounded length.
 */
final class ErrorText {

  static final int MAX_LENGTH = 500;
  private static final char REPLACEMENT = '\uFFFD';

  private ErrorText() {}

  /**
   * Control characters (NUL included) and lone surrogates become U+FFFD, line breaks a space; at
   * most 500 chars.
   */
  static String storable(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
    text.codePoints()
        .limit(MAX_LENGTH + 1L)
        .forEach(
            codePoint -> {
              if (codePoint == '\n' || codePoint == '\r' || codePoint == '\t') {
                clean.append(' ');
              } else if (Character.isISOControl(codePoint)
                  || Character.getType(codePoint) == Character.SURROGATE
                  || !Character.isDefined(codePoint)) {
                clean.append(REPLACEMENT);
              } else {
                clean.appendCodePoint(codePoint);
              }
            });
    if (clean.codePointCount(0, clean.length()) > MAX_LENGTH) {
      return clean.substring(0, clean.offsetByCodePoints(0, MAX_LENGTH - 1)) + "…";
    }
    return clean.toString();
  }
}
