import { ApiError, UnreachableError } from './errors.js';
import { storedToken } from '../auth/token.js';

let unauthorizedHandler = () => {};

/** Called with the error when any call answers 401: the app signs the user out. */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

/**
 * Calls Millflow's API with the signed-in token. JSON bodies are sent as JSON, strings as given (with `contentType`).
 * Answers the parsed JSON, the text for non-JSON answers, or null for 204.
 */
export async function request(method, path, options = {}) {
  return (await send(method, path, options)).body;
}

/**
 * GETs one page of a list that answers its total in the X-Total-Count header (GET /api/runs): {items, total}; the
 * total is null when the server does not send it.
 */
export async function requestPage(path, options = {}) {
  const { body, headers } = await send('GET', path, options);
  const total = headers.get('X-Total-Count');
  return { items: body || [], total: total === null ? null : Number(total) };
}

async function send(method, path, { body, contentType, accept = 'application/json', token = storedToken(), fetchImpl = fetch, signIn = false } = {}) {
  const headers = { Accept: accept };
  if (token) headers.Authorization = `Bearer ${token}`;
  let payload;
  if (body !== undefined) {
    if (typeof body === 'string') {
      payload = body;
      headers['Content-Type'] = contentType || 'text/plain';
    } else {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
  }
  let response;
  try {
    response = await fetchImpl(path, { method, headers, body: payload });
  } catch (cause) {
    throw new UnreachableError(path, cause);
  }
  const parsed = await readBody(response);
  if (!response.ok) {
    const error = new ApiError(response.status, typeof parsed === 'object' ? parsed : { message: parsed || '' }, path);
    if (response.status === 401 && !signIn) unauthorizedHandler(error);
    throw error;
  }
  return { body: parsed, headers: response.headers };
}

async function readBody(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** A flow's BPMN as deployed. */
export function fetchBpmn(flowId) {
  return request('GET', `/api/flows/${encodeURIComponent(flowId)}/bpmn`, { accept: 'application/xml, application/json' });
}

/** The BPMN of one version; falls back to the latest on a runtime without version history. */
export async function fetchBpmnVersion(flowId, version) {
  if (!version) return fetchBpmn(flowId);
  try {
    return await request('GET', `/api/flows/${encodeURIComponent(flowId)}/versions/${version}/bpmn`,
      { accept: 'application/xml, application/json' });
  } catch (error) {
    if (error.status === 404) return fetchBpmn(flowId);
    throw error;
  }
}

export const api = {
  get: (path, options) => request('GET', path, options),
  post: (path, body, options) => request('POST', path, { ...options, body }),
  put: (path, body, options) => request('PUT', path, { ...options, body }),
  del: (path, options) => request('DELETE', path, options)
};

/** Builds a query string from the defined, non-empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Downloads a file the API streams (a dataset as JSON lines or CSV) the way the browser downloads any link, straight
 * to disk: asks the API (with the signed-in token) for a one-time link at `linkPath`, then follows it. The browser
 * cannot send the token on a link it follows itself; the link's ticket stands in for it, once, for a minute.
 */
export async function downloadByLink(linkPath, { post = (path) => request('POST', path), doc = document } = {}) {
  const { url } = await post(linkPath);
  const link = doc.createElement('a');
  link.href = url;
  link.download = '';
  link.rel = 'noopener';
  doc.body.append(link);
  link.click();
  link.remove();
}
