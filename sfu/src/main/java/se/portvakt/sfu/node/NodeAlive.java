package se.portvakt.sfu.node;

/**
 * A node's heartbeat, POSTed to the app's events URL every {@link SfuNode#HEARTBEAT}: it is alive and the app reaches
 * its control API at {@code controlUrl}. Its load is not in it: the app asks {@code GET /node} when it places a
 * meeting, as a heartbeat's count may be a second old and a burst of new meetings would all land on one node.
 *
 * @param controlUrl the node's control URL as the app calls it, e.g. {@code http://10.0.0.5:8444}
 */
public record NodeAlive(String controlUrl) {}
