package io.millflow.connector.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

  @Test
  void passesEveryRecordInOrderAcrossChunks() {
    try (ReadAhead<Integer> ahead = ReadAhead.start(IntStream.range(0, 10).boxed(), 3)) {
      assertThat(ahead.records().toList()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }
    try (ReadAhead<Integer> ahead = ReadAhead.start(Stream.of(), 3)) {
      assertThat(ahead.records().toList()).isEmpty();
    }
  }

  @Test
  void rethrowsAFailureOfTheReadAfterTheRecordsBeforeIt() {
    Stream<Integer> source =
        IntStream.range(0, 5)
            .boxed()
            .map(
                i -> {
                  if (i == 4) {
                    throw new UncheckedIOException(new java.io.IOException("unreadable record"));
                  }
                  return i;
                });
    try (ReadAhead<Integer> ahead = ReadAhead.start(source, 2)) {
      var records = ahead.records().iterator();
      assertThat(List.of(records.next(), records.next(), records.next(), records.next()))
          .containsExactly(0, 1, 2, 3);
      assertThatThrownBy(records::next)
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("unreadable");
    }
  }

  @Test
  void closeStopsAReaderNobodyTakesFrom() {
    AtomicInteger read = new AtomicInteger();
    ReadAhead<Integer> ahead =
        ReadAhead.start(IntStream.iterate(0, i -> i + 1).boxed().peek(i -> read.set(i)), 10);
    assertThat(ahead.records().findFirst()).contains(0);

    ahead.close();

    int stopped = read.get();
    assertThat(stopped).isLessThan(100);
  }
}
