import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The baseline of the foundation benchmark: the same sync written by hand, with no engine, no datasets, no unified
 * model: one GET for all purchase orders, one GET per order for its lines, batched JDBC inserts. What Millflow adds
 * (Zeebe, claim-check datasets, mapping, upsert with newer-wins) is measured as a ratio against this.
 *
 * Usage: java -cp "engine/target/quarkus-app/lib/main/*" bench/DirectSyncBaseline.java <plexUrl> <apiKey> <jdbcUrl>
 * <user>, with the user's password in the environment variable BASELINE_DB_PASSWORD (never on the command line).
 */
public class DirectSyncBaseline {

  public static void main(String[] args) throws Exception {
    String plex = args[0];
    String key = args[1];
    String jdbc = args[2];
    ObjectMapper json = new ObjectMapper();
    HttpClient http = HttpClient.newHttpClient();
    long start = System.nanoTime();
    JsonNode orders = json.readTree(get(http, plex + "/purchasing/v1/purchase-orders", key));
    try (Connection db = DriverManager.getConnection(jdbc, args[3], System.getenv("BASELINE_DB_PASSWORD"))) {
      db.setAutoCommit(false);
      try (Statement ddl = db.createStatement()) {
        ddl.execute("drop schema if exists baseline cascade");
        ddl.execute("create schema baseline");
        ddl.execute("create table baseline.po (id text primary key, po_number text, supplier_id text, status text,"
            + " currency text, modified timestamptz)");
        ddl.execute("create table baseline.po_line (po_id text, line int, unit_price numeric, quantity numeric,"
            + " description text, primary key (po_id, line))");
      }
      try (PreparedStatement po = db.prepareStatement("insert into baseline.po values (?,?,?,?,?,?)");
          PreparedStatement line = db.prepareStatement("insert into baseline.po_line values (?,?,?,?,?)")) {
        for (JsonNode order : orders) {
          String id = order.get("id").asText();
          po.setString(1, id);
          po.setString(2, order.get("poNumber").asText());
          po.setString(3, order.get("supplierId").asText());
          po.setString(4, order.get("status").asText());
          po.setString(5, order.get("currencyCode").asText());
          po.setTimestamp(6, Timestamp.from(Instant.parse(order.get("modifiedDate").asText())));
          po.addBatch();
          for (JsonNode item : json.readTree(get(http, plex + "/purchasing/v1/purchase-orders/" + id + "/line-items", key))) {
            line.setString(1, id);
            line.setInt(2, item.get("lineItemNumber").asInt());
            line.setBigDecimal(3, new BigDecimal(item.get("unitPrice").asText()));
            line.setBigDecimal(4, new BigDecimal(item.get("quantity").asText()));
            line.setString(5, item.get("description").asText());
            line.addBatch();
          }
        }
        po.executeBatch();
        line.executeBatch();
      }
      db.commit();
    }
    System.out.printf("baseline_ms=%d orders=%d%n", (System.nanoTime() - start) / 1_000_000, orders.size());
  }

  private static String get(HttpClient http, String url, String key) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("X-Plex-Connect-Api-Key", key).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + response.statusCode());
    }
    return response.body();
  }
}
