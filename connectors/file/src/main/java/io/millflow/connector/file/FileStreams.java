package io.millflow.connector.file;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Opens the character streams of a file: buffered, gzip when the options say so, and strict about
 * the encoding.
 */
final class FileStreams {

  private static final int BUFFER = 64 * 1024;
  private static final int BYTE_ORDER_MARK = '\uFEFF';

  private FileStreams() {}

  /**
   * A reader of the file's text. Bytes that are not valid in the encoding fail the read (a {@link
   * java.nio.charset.CharacterCodingException}) instead of turning into replacement characters that
   * would reach a database unnoticed. A leading byte-order mark is skipped, so it does not end up
   * in the first column name.
   */
  static BufferedReader reader(Path file, FileOptions options) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
    try {
      if (options.compression() == Compression.GZIP) {
        in = new GZIPInputStream(in, BUFFER);
      }
      var decoder =
          options
              .charset()
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), BUFFER);
      reader.mark(1);
      if (reader.read() != BYTE_ORDER_MARK) {
        reader.reset();
      }
      return reader;
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * A writer onto {@code out} that does not close it: closing the writer finishes the gzip trailer
   * and flushes, so the caller can still sync the file before closing it. Characters the encoding
   * cannot hold fail the write.
   */
  static Writer writer(OutputStream out, FileOptions options) throws IOException {
    OutputStream bytes = new BufferedOutputStream(new KeepOpen(out), BUFFER);
    if (options.compression() == Compression.GZIP) {
      bytes = new GZIPOutputStream(bytes, BUFFER);
    }
    var encoder =
        options
            .charset()
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BufferedWriter(new OutputStreamWriter(bytes, encoder), BUFFER);
  }

  /** Passes writes through and turns close into flush. */
  private static final class KeepOpen extends FilterOutputStream {

    KeepOpen(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      // FilterOutputStream would write one byte at a time.
      out.write(bytes, offset, length);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
