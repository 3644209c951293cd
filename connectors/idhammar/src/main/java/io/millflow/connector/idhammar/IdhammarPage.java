package io.millflow.connector.idhammar;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One page of a list: its rows as sent, and the cursor of the next page (null on the last page).
 */
public record IdhammarPage(List<ObjectNode> data, String next) {

  public IdhammarPage {
    data = List.copyOf(data);
  }
}
