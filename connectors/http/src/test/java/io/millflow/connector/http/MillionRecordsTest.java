package io.millflow.connector.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.step.Connection;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetStore;
import io.millflow.step.DatasetWriter;
import io.millflow.step.StepContext;
import io.millflow.step.StepLog;
import io.millflow.step.testing.TestStepContext;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 1,000,000 records in 1,000 pages go into the dataset one page at a time: when the server is asked
 * for page n, the dataset writer already holds every record of the pages before it, so the step
 * never keeps more than one page.
 */
class MillionRecordsTest {

  private static final int PAGE = 1_000;
  private static final int PAGES = 1_000;

  private final TestApi api = new TestApi();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void readsAMillionRecordsIntoADatasetOnePageAtATime() {
    AtomicLong written = new AtomicLong();
    List<long[]> writtenWhenAsked = new CopyOnWriteArrayList<>();
    api.route(
        "/api/readings",
        (r, x) -> {
          int offset = Integer.parseInt(r.query("offset"));
          writtenWhenAsked.add(new long[] {offset, written.get()});
          int count = Math.max(0, Math.min(PAGE, PAGE * PAGES - offset));
          StringBuilder body = new StringBuilder(count * 48).append("{\"data\":[");
          for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",")
                .append("{\"id\":")
                .append(offset + i)
                .append(",\"machine\":\"M7\",\"value\":12.5}");
          }
          byte[] bytes = body.append("]}").toString().getBytes(StandardCharsets.UTF_8);
          x.getResponseHeaders().set("Content-Type", "application/json");
          x.sendResponseHeaders(200, bytes.length);
          x.getResponseBody().write(bytes);
        });
    CountingContext context =
        new CountingContext(
            new TestStepContext().withConnection(api.connection("api", Map.of(), Map.of())),
            written);
    HttpRequestStep step =
        new HttpRequestStep(
            HttpRequestAuthTest.ANYWHERE, HttpRequestAuthTest.FAST, Clock.systemUTC());

    HttpRequestStep.Output out =
        step.run(
            Inputs.of(
                "connection",
                "api",
                "url",
                "readings",
                "paging",
                "offset",
                "pageSize",
                PAGE,
                "recordsPointer",
                "/data",
                "maxPages",
                2_000),
            context);

    assertThat(out.records().count()).isEqualTo((long) PAGE * PAGES);
    assertThat(out.pages()).isEqualTo(PAGES + 1); // the last, empty page ends the list
    assertThat(writtenWhenAsked).allSatisfy(asked -> assertThat(asked[1]).isEqualTo(asked[0]));
  }

  /** A context whose datasets count what is written and keep none of it. */
  private record CountingContext(TestStepContext delegate, AtomicLong written)
      implements StepContext {

    @Override
    public String tenantId() {
      return delegate.tenantId();
    }

    @Override
    public String runId() {
      return delegate.runId();
    }

    @Override
    public Connection connection(String name) {
      return delegate.connection(name);
    }

    @Override
    public String taskKey() {
      return delegate.taskKey();
    }

    @Override
    public DatasetStore datasets() {
      return new DatasetStore() {
        @Override
        public DatasetWriter create(String entity) {
          return new DatasetWriter() {
            @Override
            public void add(Object record) {
              written.incrementAndGet();
            }

            @Override
            public long count() {
              return written.get();
            }

            @Override
            public DatasetRef finish() {
              return new DatasetRef("counted", written.get(), entity);
            }

            @Override
            public void close() {}
          };
        }

        @Override
        public <T> Stream<T> read(DatasetRef ref, Class<T> type) {
          throw new UnsupportedOperationException("counts only");
        }
      };
    }

    @Override
    public StepLog log() {
      return delegate.log();
    }

    @Override
    public void progress(long done, long total) {}

    @Override
    public Clock clock() {
      return delegate.clock();
    }
  }
}
