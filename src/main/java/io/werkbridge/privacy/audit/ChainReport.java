package io.werkbridge.privacy.audit;

/**
 * The outcome of walking the disclosure chain.
 *
 * @param intact        true when every record up to the chain head links to its predecessor and matches its hash
 * @param checked       records whose hash was checked (up to and including the first broken one)
 * @param firstBrokenId id of the first record that breaks the chain, or null
 * @param reason        what was found, in words (never record values)
 */
public record ChainReport(boolean intact, long checked, Long firstBrokenId, String reason) {
}
