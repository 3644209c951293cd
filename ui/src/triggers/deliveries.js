// How the trigger page words a delivery's route evaluations and the requests a trigger refused.

/** One route's verdict for one delivery: {matched, text}, the text saying why it matched or not. */
export function routeVerdict(evaluation) {
  if (evaluation.matched) {
    if (!evaluation.started) {
      return { matched: true, text: evaluation.reason || 'matched; its action failed (see the error)' };
    }
    return {
      matched: true,
      text: evaluation.started.startsWith('message:')
        ? `matched: published ${evaluation.started}`
        : `matched: started run ${evaluation.started.slice(0, 8)}`,
    };
  }
  return { matched: false, text: evaluation.reason ? `no match: ${evaluation.reason}` : 'no match: the condition was false' };
}

const ANSWERS = {
  400: 'Bad request',
  401: 'Unauthorized',
  404: 'Unknown trigger',
  413: 'Too large',
  503: 'Paused',
};

/** The short name of a refused request's answer, e.g. "401 Unauthorized". */
export function rejectionAnswer(status) {
  return ANSWERS[status] ? `${status} ${ANSWERS[status]}` : String(status);
}

/** The payload as shown: pretty JSON when it parses, else the text; a note when it was cut at the cap. */
export function shownPayload(detail) {
  let text = detail.payload;
  try {
    text = JSON.stringify(JSON.parse(detail.payload), null, 2);
  } catch {
    // not JSON (or cut at the cap): shown as received
  }
  const note = detail.payloadTruncated
    ? `Showing the first ${detail.payload.length} characters of ${detail.payloadBytes} bytes.`
    : null;
  return { text, note };
}
