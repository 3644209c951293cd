package io.millflow.step;

import java.net.URI;

/** What connection records do to the base URLs they hold. */
public final class HttpUrls {

  private HttpUrls() {}

  /**
   * The URL without trailing slashes, so a path appended to it has exactly one; null stays null.
   */
  public static URI withoutTrailingSlash(URI url) {
    return url == null ? null : URI.create(url.toString().replaceAll("/+$", ""));
  }
}
