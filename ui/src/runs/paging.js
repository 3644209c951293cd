// The runs list's pages, as they travel in the page's address (?page=2) and in the API's query (limit, offset).

export const PAGE_SIZE = 50;

/** The page number of the address (1 for none or a bad one). */
export function pageOf(query) {
  const page = Number.parseInt(query?.page, 10);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** The API's limit and offset of a page. */
export function pageWindow(page, size = PAGE_SIZE) {
  return { limit: size, offset: (page - 1) * size };
}

/**
 * What the pager shows: "51–100 of 1,234", whether there is a page before and after, and the last page. Without a
 * total (an older server), a full page means there may be more.
 */
export function pagerState(page, shown, total, size = PAGE_SIZE) {
  const first = (page - 1) * size + 1;
  const last = first + shown - 1;
  const lastPage = total === null ? null : Math.max(1, Math.ceil(total / size));
  const range = shown === 0 ? 'none' : `${first.toLocaleString('en')}–${last.toLocaleString('en')}`;
  return {
    text: total === null ? `${range}` : `${range} of ${total.toLocaleString('en')}`,
    hasPrevious: page > 1,
    hasNext: total === null ? shown === size : page < lastPage,
    lastPage
  };
}
