package io.millflow.connector.file;

import io.millflow.step.StepFailure;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * How a file's bytes become records, with every default applied and checked: what both file steps
 * share.
 */
record FileOptions(
    FileFormat format, Compression compression, Charset charset, char delimiter, boolean header) {

  static final String DEFAULT_DELIMITER = ",";

  /**
   * The options for {@code fileName} from a step's inputs, any of which may be null.
   *
   * @throws StepFailure {@code INVALID_INPUT} naming the input that is wrong and what it may be
   */
  static FileOptions of(
      String fileName,
      FileFormat format,
      Compression compression,
      String delimiter,
      Boolean header,
      String encoding) {
    FileFormat resolvedFormat =
        format != null
            ? format
            : FileFormat.fromName(fileName)
                .orElseThrow(
                    () ->
                        invalid(
                            "'format' is empty and the file name '"
                                + fileName
                                + "' does not tell: set 'format' to csv or jsonl"));
    Compression resolvedCompression =
        (compression == null ? Compression.AUTO : compression).resolve(fileName);
    return new FileOptions(
        resolvedFormat,
        resolvedCompression,
        charset(encoding),
        delimiter(delimiter),
        header == null || header);
  }

  private static Charset charset(String encoding) {
    if (encoding == null || encoding.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(encoding.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw invalid(
          "'encoding' "
              + encoding
              + " is not a character set this runtime knows: use a name such as"
              + " UTF-8, ISO-8859-1 or windows-1252");
    }
  }

  /**
   * One character; {@code \t} and {@code tab} spell a tab, which a designer text field cannot hold.
   */
  private static char delimiter(String delimiter) {
    if (delimiter == null || delimiter.isEmpty()) {
      return DEFAULT_DELIMITER.charAt(0);
    }
    if (delimiter.equals("\\t") || delimiter.equalsIgnoreCase("tab")) {
      return '\t';
    }
    if (delimiter.length() != 1 || "\"\r\n".contains(delimiter)) {
      throw invalid(
          "'delimiter' must be one character other than a quote or a line break (\\t or tab for a tab),"
              + " not '"
              + delimiter
              + "'");
    }
    return delimiter.charAt(0);
  }

  private static StepFailure invalid(String problem) {
    return new StepFailure("INVALID_INPUT", problem + ".");
  }
}
