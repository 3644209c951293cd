package io.millflow.engine.input;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * What a text field of a request body may hold. Every string of every JSON body is checked (see
 * {@code io.millflow.engine.api.TextInputs}); a field without this annotation is checked as {@link
 * Kind#TEXT}, object keys as {@link Kind#NAME}. On a list or a map the kind applies to its elements
 * or values.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.RECORD_COMPONENT,
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.METHOD
})
public @interface TextInput {

  Kind value();

  /**
   * The kinds of text, each with its longest length and whether it may span lines. No kind allows
   * NUL or another control character (U+0000 to U+001F, U+007F) other than tab, line feed and
   * carriage return in multi-line text: the state store cannot hold NUL, and the others only hide
   * what a name really is.
   */
  enum Kind {
    /** Names, ids, types, keys: one line, at most 200 characters. */
    NAME(200, false),
    /** URLs and query values: one line, at most 2,048 characters. */
    LINE(2_048, false),
    /**
     * FEEL expressions, descriptions, settings, secrets, variables: lines allowed, at most 65,536
     * characters.
     */
    TEXT(65_536, true);

    private final int longest;
    private final boolean multiLine;

    Kind(int longest, boolean multiLine) {
      this.longest = longest;
      this.multiLine = multiLine;
    }

    public int longest() {
      return longest;
    }

    /**
     * What is wrong with the value and how to fix it, said without repeating the value; empty when
     * it is fine.
     */
    public Optional<String> problem(String value) {
      if (value.length() > longest) {
        return Optional.of(
            "is "
                + value.length()
                + " characters long; at most "
                + longest
                + " are allowed: shorten it");
      }
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (isControl(c) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
          return Optional.of(
              "holds the control character U+"
                  + String.format("%04X", (int) c)
                  + " at position "
                  + (i + 1)
                  + ": remove it"
                  + (multiLine ? "" : " (this field is one line of text: no tabs or line breaks)"));
        }
      }
      return Optional.empty();
    }

    private static boolean isControl(char c) {
      return c < 0x20 || c == 0x7F;
    }
  }
}
