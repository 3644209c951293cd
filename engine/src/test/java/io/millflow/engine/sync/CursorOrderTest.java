package io.millflow.engine.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CursorOrderTest {

  @Test
  void ordersInstantsByTimeWhateverTheirOffsetOrPrecision() {
    assertThat(CursorOrder.isAfter("2026-03-01T10:00:00.5Z", "2026-03-01T10:00:00Z"))
        .contains(true);
    assertThat(CursorOrder.isAfter("2026-03-01T11:00:00+02:00", "2026-03-01T10:00:00Z"))
        .contains(false);
    assertThat(CursorOrder.isAfter("2026-03-01T10:00:00Z", "2026-03-01T10:00:00.000Z"))
        .contains(false);
  }

  @Test
  void ordersNumbersByValueNotAsText() {
    assertThat(CursorOrder.isAfter("100", "99")).contains(true);
    assertThat(CursorOrder.isAfter("99", "100")).contains(false);
    assertThat(CursorOrder.isAfter("10.5", "10.25")).contains(true);
  }

  @Test
  void ordersDatabaseTimestampsWithoutAZoneByTheCalendar() {
    assertThat(CursorOrder.isAfter("2026-03-01 10:00:00.0", "2026-02-28T23:59:59")).contains(true);
    assertThat(CursorOrder.isAfter("2026-02-01", "2026-03-01")).contains(false);
  }

  @Test
  void cannotOrderOpaqueCursorsNorCursorsOfDifferentTypes() {
    assertThat(CursorOrder.isAfter("page-token-b", "page-token-a")).isEmpty();
    assertThat(CursorOrder.isAfter("2026-03-01T10:00:00Z", "12345")).isEmpty();
  }
}
