package io.millflow.engine.config;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name of this Millflow instance in task locks and the run history: configured, else host and
 * process id.
 */
public final class InstanceName {

  private InstanceName() {}

  public static String of(MillflowConfig config) {
    return config.zeebe().workerName().orElseGet(InstanceName::hostAndPid);
  }

  private static String hostAndPid() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + ":" + ProcessHandle.current().pid();
  }
}
