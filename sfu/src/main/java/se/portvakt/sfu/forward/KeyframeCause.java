package se.portvakt.sfu.forward;

/** Why the SFU asks a publisher for a keyframe: logged with each request (see {@link PublisherStream}). */
public enum KeyframeCause {
    /** A receiver sent PLI or FIR for its copy. */
    RECEIVER_ASKED,
    /** A receiver was added while its copy flows. */
    NEW_SUBSCRIBER,
    /** A held or paused copy starts to flow again (placed on the stage or a tile, or its bandwidth allows). */
    COPY_RESUMED,
    /** A copy moves to another simulcast layer, at that layer's next keyframe. */
    LAYER_SWITCH,
    /** A copy has waited a second for its first keyframe: the request may have been lost. */
    STILL_HELD_BACK,
    /** A receiver's connection was keyed again: what it was sent before is lost. */
    RECEIVER_KEYED,
    /** The receiver's or the publisher's media moved to a new path, or the receiver's came back after an outage. */
    PATH_MOVED,
    /** The stream came back after a silence with packets missing. */
    STREAM_RESUMED
}
