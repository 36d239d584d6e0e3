package io.werkbridge.rights;

/**
 * The caller's Idempotency-Key was first used with another request: answered 422, never with the first request
 * (which would tell the caller "accepted" for a request that was never recorded). Names neither key nor values.
 */
public final class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was already used for a different request; send a new key for a new request,"
                + " or repeat the first request unchanged to get its answer");
    }
}
