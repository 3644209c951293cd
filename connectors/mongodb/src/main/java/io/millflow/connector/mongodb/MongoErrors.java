package io.millflow.connector.mongodb;

import com.mongodb.MongoClientException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoInterruptedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoServerException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.millflow.step.ReauthRequiredException;
import io.millflow.step.RetryableStepException;
import io.millflow.step.StepException;
import io.millflow.step.StepFailure;
import java.util.Set;

/**
 * Turns a driver error into the step error model (DESIGN.md section 3). Authentication errors never
 * carry the driver's message, which describes the credential; other messages carry the server's
 * error code and short message. The original exception stays as the cause, for the run history.
 */
final class MongoErrors {

  static final int DUPLICATE_KEY = 11000;
  private static final int UNAUTHORIZED = 13;
  private static final int AUTHENTICATION_FAILED = 18;

  /**
   * Server codes worth a retry: shutting down, primary stepped down, write conflict, exceeded time
   * limit, ...
   */
  private static final Set<Integer> RETRYABLE =
      Set.of(6, 7, 89, 91, 112, 189, 262, 9001, 10107, 11600, 11602, 13435, 13436, 50);

  private MongoErrors() {}

  /**
   * The step exception for a failure of {@code connection} while doing {@code activity}; a bug
   * stays as it is.
   */
  static RuntimeException translate(Throwable error, String connection, String activity) {
    if (error instanceof StepException step) {
      return step;
    }
    if (isAuthentication(error)) {
      return new ReauthRequiredException(
          connection,
          "MongoDB rejected the user name or password of connection '"
              + connection
              + "': enter valid credentials in the connection's settings.",
          error);
    }
    if (isTransient(error)) {
      return new RetryableStepException(
          "MongoDB of connection '"
              + connection
              + "' could not be reached or did not"
              + " answer in time while "
              + activity
              + " ("
              + error.getClass().getSimpleName()
              + "); the step will be"
              + " retried.",
          error);
    }
    if (error instanceof MongoServerException server && server.getCode() == UNAUTHORIZED) {
      return new StepFailure(
          "PERMISSION_DENIED",
          "The user of connection '"
              + connection
              + "' lacks a privilege"
              + " for "
              + activity
              + " ("
              + shortMessage(server)
              + "): grant it, or use another collection.",
          error);
    }
    if (error instanceof MongoServerException server) {
      return new IllegalStateException(
          "MongoDB failed while "
              + activity
              + " ["
              + server.getCode()
              + "]: "
              + shortMessage(server),
          error);
    }
    return error instanceof RuntimeException runtime ? runtime : new IllegalStateException(error);
  }

  static boolean isTransient(Throwable error) {
    return error instanceof MongoTimeoutException
        || error instanceof MongoSocketException
        || error instanceof MongoNotPrimaryException
        || error instanceof MongoNodeIsRecoveringException
        || error instanceof MongoExecutionTimeoutException
        || error instanceof MongoInterruptedException
        || error instanceof MongoException mongo
            && (mongo.hasErrorLabel(MongoException.TRANSIENT_TRANSACTION_ERROR_LABEL)
                || mongo.hasErrorLabel("RetryableWriteError")
                || RETRYABLE.contains(mongo.getCode()));
  }

  private static boolean isAuthentication(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof MongoSecurityException
          || t instanceof MongoCommandException command
              && command.getCode() == AUTHENTICATION_FAILED) {
        return true;
      }
      if (!(t instanceof MongoClientException || t instanceof MongoServerException)) {
        break;
      }
    }
    return false;
  }

  /** The server's own message without the reply document, which may echo the command. */
  static String shortMessage(MongoServerException error) {
    String message =
        error instanceof MongoCommandException command
            ? command.getErrorMessage()
            : error.getMessage();
    return message == null || message.isBlank() ? "code " + error.getCode() : message;
  }
}
