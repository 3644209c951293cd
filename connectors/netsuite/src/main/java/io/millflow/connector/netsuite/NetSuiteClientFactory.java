package io.millflow.connector.netsuite;

/**
 * Opens a {@link NetSuiteClient} for a connection; steps take one through their constructor so
 * tests can pass a fake.
 */
@FunctionalInterface
public interface NetSuiteClientFactory {

  /** A client for settings read with {@link NetSuiteConnectionSettings#of}, which checks them. */
  NetSuiteClient forSettings(NetSuiteConnectionSettings settings);
}
