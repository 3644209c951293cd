// Turns failed API calls into sentences that say what happened and what to do.

/** An API answer other than 2xx, with the body Millflow sent ({error, message, field, problems}) when it sent one. */
export class ApiError extends Error {
  constructor(status, body, path) {
    super(body?.message || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body?.error || null;
    this.field = body?.field || null;
    this.problems = Array.isArray(body?.problems) ? body.problems : [];
    this.path = path;
  }
}

/** A fetch that never reached Millflow (runtime stopped, network down). */
export class UnreachableError extends Error {
  constructor(path, cause) {
    super(`Millflow did not answer ${path}`);
    this.name = 'UnreachableError';
    this.path = path;
    this.cause = cause;
  }
}

const ROLE_FOR = {
  GET: 'viewer',
  POST: 'operator',
  PUT: 'designer',
  DELETE: 'designer'
};

/** The message to show for an error thrown by an API call. */
export function describeError(error, { action } = {}) {
  const doing = action ? `Could not ${action}: ` : '';
  if (error instanceof UnreachableError) {
    return `${doing}Millflow cannot be reached. Check that the runtime is running (./millflow run) and try again.`;
  }
  if (!(error instanceof ApiError)) {
    return `${doing}${error?.message || String(error)}. Reload the page; if it happens again, report it with the steps that led here.`;
  }
  const said = error.message && !/^HTTP \d+$/.test(error.message) ? error.message : '';
  switch (error.status) {
    case 400:
      return `${doing}${said || 'Millflow refused the request.'}${endWith(said)}Correct the input and try again.`;
    case 401:
      return `${doing}Your API token was not accepted (it may have been revoked). Sign in again with a valid token.`;
    case 403:
      return `${doing}${said ? `${said}${endWith(said)}` : "Your token's role may not do this. "}Ask an admin for a token with a higher role (viewer < operator < designer < admin).`;
    case 404:
      return `${doing}${said || 'It no longer exists.'}${endWith(said)}Reload the list to see what exists now.`;
    case 409:
      return `${doing}${said || 'It conflicts with the current state.'}`;
    case 413:
      return `${doing}The request is too large. Send less data at once.`;
    default:
      if (error.status >= 500) {
        return `${doing}Millflow failed with an internal error (${error.status}). Try again; if it persists, the runtime's log has the details.`;
      }
      return `${doing}${said || `Millflow answered ${error.status}.`}`;
  }
}

/** The least role a request of this method needs, for messages only (the server decides). */
export function roleNeededFor(method) {
  return ROLE_FOR[method] || 'viewer';
}

function endWith(text) {
  if (!text) return ' ';
  return /[.!?]$/.test(text.trim()) ? ' ' : '. ';
}
