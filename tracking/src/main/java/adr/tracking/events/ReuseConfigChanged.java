package adr.tracking.events;

/**
 * A layer's reuse configuration changed before {@code globalStep}.
 *
 * @param from the previous setting, "exact" or for example "L=25 H=8"
 * @param to the new setting in the same form
 * @param scope what is reused, for example "forward+weights+input"; "exact" for none
 */
public record ReuseConfigChanged(String layer, String from, String to, String scope, String reason,
        int epoch, long globalStep) implements EventPayload {
}
