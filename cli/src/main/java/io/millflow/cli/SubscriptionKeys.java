package io.millflow.cli;

import java.util.Locale;

/**
 * A subscription's file name in the folder: its URL without the scheme, as a slug ({@code
 * https://hooks.example.com/millflow} is {@code hooks.example.com-millflow}). The runtime's ids
 * differ between instances; the URL does not.
 */
final class SubscriptionKeys {

  private SubscriptionKeys() {}

  static String of(String url) {
    String withoutScheme = url.replaceFirst("^[A-Za-z][A-Za-z0-9+.-]*://", "");
    String slug =
        withoutScheme
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9._]+", "-")
            .replaceAll("^-+|-+$", "");
    return slug.isEmpty() ? "subscription" : slug;
  }
}
