/**
 * Idhammar OEE steps (machines, downtime, production, OEE), mapping to the unified model, and the
 * local OEE sandbox with webhook push.
 */
package io.millflow.connector.idhammar;
