package vn.lgsp.hub.audit.chain;

/**
 * What a walk along the chain found.
 *
 * @param ok          true when every sealed event and every purge record checks out
 * @param verified    events whose content and link were recomputed and matched, up to the first broken link
 * @param headSeq     the last sealed position when the walk started
 * @param headHash    its chain hash: written down somewhere else, it lets a later walk prove the chain was not
 *                    rebuilt from scratch
 * @param purged      positions removed by the retention purge and covered by its records
 * @param unsealed    events not sealed yet, which no walk covers (the window between two sealer runs)
 * @param firstBroken the first link that does not check out, or {@code null}
 */
public record ChainVerification(boolean ok, long verified, long headSeq, String headHash, long purged, long unsealed,
                                Broken firstBroken) {

    /**
     * @param chainSeq   the position where the chain breaks
     * @param eventId    the event at that position, when there is one
     * @param exchangeId its exchange, when there is one
     * @param code       what is wrong, stable: {@code content_changed}, {@code link_broken}, {@code missing},
     *                   {@code head_mismatch}, {@code inside_purged_range}
     * @param reason     the same for a person
     */
    public record Broken(Long chainSeq, Long eventId, String exchangeId, String code, String reason) {
    }
}
