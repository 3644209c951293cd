/**
 * The {@code http.request} step and the {@code http} connection: any REST API, with the
 * connection's authentication, paging into a dataset, and every address checked by the engine's
 * outbound guard.
 */
package io.millflow.connector.http;
