package io.millflow.connector.http;

import io.millflow.step.Batches;
import io.millflow.step.DatasetRef;
import io.millflow.step.DatasetWriter;
import io.millflow.step.StepContext;
import io.millflow.step.StepFailure;
import java.net.URI;

/**
 * Reads the pages of a list into a new dataset, one page in memory at a time: each page's records
 * (the array at a JSON pointer, copied as their JSON text by {@link PageRecords}, or what a FEEL
 * expression picks) are handed to the dataset writer, which flushes them in chunks, before the next
 * page is asked for.
 */
final class PagedRecords {

  /** The records, the last page's answer, the pages read, and whether the page limit stopped it. */
  record Result(DatasetRef records, Answer last, int pages, boolean morePages) {}

  private final RequestSender sender;

  PagedRecords(RequestSender sender) {
    this.sender = sender;
  }

  Result read(
      Call call,
      Exchange request,
      Paging paging,
      RecordPick records,
      String entity,
      int maxPages,
      int maxPageBytes,
      StepContext context) {
    try (DatasetWriter out = context.datasets().create(entity)) {
      URI uri = paging.first(request.uri());
      Answer answer = null;
      int pages = 0;
      while (uri != null && pages < maxPages) {
        answer = sender.send(call, request.at(uri), maxPageBytes);
        pages++;
        int onPage = records.copy(answer, out, request, call);
        context.progress(out.count(), -1, Batches.pages(pages));
        URI next = paging.next(new Paging.Page(uri, answer, onPage, out.count(), pages));
        if (uri.equals(next)) {
          throw new StepFailure(
              "HTTP_PAGING_LOOP",
              "Page "
                  + pages
                  + " of "
                  + request.describe()
                  + " points at itself as the next page: the list would never end. Check the"
                  + " step's paging settings.");
        }
        uri = next;
      }
      DatasetRef ref = out.finish();
      context.progress(ref.count(), ref.count());
      return new Result(ref, answer, pages, uri != null);
    }
  }
}
