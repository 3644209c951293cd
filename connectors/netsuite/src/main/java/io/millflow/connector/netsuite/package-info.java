/**
 * NetSuite SuiteTalk REST steps (SuiteQL, records), OAuth 2.0 M2M and TBA auth, mapping to the
 * unified model, and the local NetSuite sandbox.
 */
package io.millflow.connector.netsuite;
