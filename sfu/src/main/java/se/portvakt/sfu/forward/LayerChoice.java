package se.portvakt.sfu.forward;

/**
 * Which simulcast layer a subscriber gets: the one it prefers (the top layer for "high", the bottom one for "low"),
 * or, if that one sends nothing now, the nearest layer that does, looking first in the direction away from the
 * preference's end (down from the top, up from the bottom).
 */
public final class LayerChoice {
    private LayerChoice() {}

    /**
     * @param high   the subscriber wants the highest layer (the stage), else the lowest (a small tile)
     * @param active per layer, low to high: it received packets recently
     * @return the index of the layer to forward, or -1 when no layer is active
     */
    public static int choose(boolean high, boolean[] active) {
        int preferred = high ? active.length - 1 : 0;
        for (int distance = 0; distance < active.length; distance++) {
            int toward = high ? preferred - distance : preferred + distance;
            if (toward >= 0 && toward < active.length && active[toward]) {
                return toward;
            }
        }
        return -1;
    }
}
