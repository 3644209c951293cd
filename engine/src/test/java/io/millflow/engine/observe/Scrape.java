package io.millflow.engine.observe;

import static io.restassured.RestAssured.given;

import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of {@code /q/metrics}: each sample by its name and labels as written, e.g. {@code
 * a_total{x="y"}}.
 */
record Scrape(Map<String, Double> samples, String text) {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*(?:\\{[^}]*})?) (\\S+)$", Pattern.MULTILINE);

  static Scrape of(URL metrics) {
    String text = given().get(metrics).then().statusCode(200).extract().asString();
    Map<String, Double> samples = new HashMap<>();
    Matcher sample = SAMPLE.matcher(text);
    while (sample.find()) {
      samples.put(sample.group(1), Double.parseDouble(sample.group(2)));
    }
    return new Scrape(samples, text);
  }

  /** The sample's value, 0 when it is not there yet. */
  double value(String nameAndLabels) {
    return samples.getOrDefault(nameAndLabels, 0.0);
  }

  /** Whether any sample of the metric (any labels) is there. */
  boolean has(String metricName) {
    return samples.keySet().stream()
        .anyMatch(s -> s.equals(metricName) || s.startsWith(metricName + "{"));
  }
}
