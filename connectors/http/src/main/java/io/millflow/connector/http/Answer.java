package io.millflow.connector.http;

import java.net.URI;
import java.net.http.HttpHeaders;

/** A 2xx answer: from which URL (after redirects), with which request id, status, headers, body. */
record Answer(URI uri, String requestId, int status, HttpHeaders headers, byte[] body) {}
