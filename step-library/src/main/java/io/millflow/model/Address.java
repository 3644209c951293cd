package io.millflow.model;

/** A postal address; {@code text} keeps the source's free-form address when it has no structure. */
public record Address(
    String name,
    String line1,
    String line2,
    String city,
    String region,
    String postalCode,
    String country,
    String text) {

  public static Address ofText(String text) {
    return text == null || text.isBlank()
        ? null
        : new Address(null, null, null, null, null, null, null, text);
  }
}
