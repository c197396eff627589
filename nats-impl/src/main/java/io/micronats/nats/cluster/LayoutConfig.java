package io.micronats.nats.cluster;

import java.util.List;
import java.util.Map;

/**
 * The config blocks a {@link NatsLayout} adds to a server beyond its own cluster's: the accounts
 * (gateways and leaf nodes on one server need a system account; clients without credentials land
 * in the application account), the {@code gateway} block with the link proxies to dial for every
 * other cluster, the {@code leafnodes} listener of a hub node, and the {@code leafnodes} remote of
 * a leaf node.
 *
 * <p>Stateless and thread-safe; reads ports without locks, as it runs under a node's lock.
 */
final class LayoutConfig {
  /** The application account every client and leaf connection is bound to. */
  static final String APP_ACCOUNT = "APP";

  private LayoutConfig() {}

  /** The accounts block of every server of a hub cluster. */
  static String accounts(String appPassword, String sysPassword) {
    return "accounts {\n"
        + "  SYS: { users: [ { user: \"sys\", password: \"" + sysPassword + "\" } ] }\n"
        + "  " + APP_ACCOUNT + ": { users: [ { user: \"app\", password: \"" + appPassword + "\" } ] }\n"
        + "}\nsystem_account: SYS\nno_auth_user: app\n";
  }

  /**
   * The gateway block of {@code node} in cluster {@code cluster}.
   *
   * @param dial for every other cluster, the proxy ports this node dials to reach its servers
   * @param sink the address to advertise, a proxy that resets every connection: gateway URLs
   *     learnt by gossip must not bypass the proxies
   */
  static String gateway(NatsNode node, String cluster, Map<String, List<Integer>> dial, String sink) {
    int own = node.linkPortsOrUnset()[0];
    StringBuilder sb = new StringBuilder("gateway {\n  name: \"").append(cluster).append("\"\n");
    sb.append("  listen: \"127.0.0.1:").append(own).append("\"\n");
    sb.append("  advertise: \"").append(sink).append("\"\n  gateways: [\n");
    for (Map.Entry<String, List<Integer>> e : dial.entrySet()) {
      sb.append("    { name: \"").append(e.getKey()).append("\", urls: [");
      String sep = "";
      for (int port : e.getValue()) {
        sb.append(sep).append("\"nats://127.0.0.1:").append(port).append('"');
        sep = ", ";
      }
      sb.append("] }\n");
    }
    return sb.append("  ]\n}\n").toString();
  }

  /**
   * The leaf-node listener of a hub node; it advertises {@code sink}, a proxy that resets every
   * connection, so that leaf nodes reconnect through their proxy only.
   */
  static String leafListener(NatsNode node, String sink) {
    int own = node.linkPortsOrUnset()[1];
    return "leafnodes {\n  " + NatsNode.LEAF_LISTEN_MARK + "\n  listen: \"127.0.0.1:" + own
        + "\"\n  advertise: \"" + sink + "\"\n}\n";
  }

  /** The leaf-node remote of a leaf node, dialling the hub through {@code proxyPort}. */
  static String leafRemote(int proxyPort, String appPassword) {
    return "leafnodes {\n  remotes: [ { url: \"nats-leaf://app:" + appPassword
        + "@127.0.0.1:" + proxyPort + "\" } ]\n}\n";
  }
}
