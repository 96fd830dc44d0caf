package be.mhealth.pyramid.gateway.service;

import java.time.Duration;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Token buckets in Redis, shared by every gateway replica. One Lua script refills a caller's bucket from the time
 * elapsed (Redis' own clock, so replicas' clocks do not matter) and hands out up to the tokens asked for, atomically.
 */
public class BudgetStore {

    /** Tokens granted now, and the milliseconds until the next one when the bucket is left empty (else 0). */
    public record Lease(long granted, long waitMillis) {
    }

    // KEYS[1] bucket; ARGV: capacity, period in ms, tokens wanted. State: tokens (t, may be fractional) at ms (at).
    static final String SCRIPT = """
            local capacity = tonumber(ARGV[1])
            local period = tonumber(ARGV[2])
            local want = tonumber(ARGV[3])
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local state = redis.call('HMGET', KEYS[1], 't', 'at')
            local tokens = tonumber(state[1])
            local at = tonumber(state[2])
            if tokens == nil or at == nil then
              tokens = capacity
              at = now
            end
            if now > at then
              tokens = math.min(capacity, tokens + (now - at) * capacity / period)
            end
            local granted = math.min(want, math.floor(tokens))
            tokens = tokens - granted
            redis.call('HSET', KEYS[1], 't', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], period)
            local wait = 0
            if tokens < 1 then
              wait = math.ceil((1 - tokens) * period / capacity)
            end
            return {granted, wait}
            """;

    private final Redis redis;
    private final Vertx vertx;
    private final long timeoutMillis;
    private final String prefix;
    private volatile String sha;

    public BudgetStore(Redis redis, Vertx vertx, Duration timeout, String prefix) {
        this.redis = redis;
        this.vertx = vertx;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        this.prefix = prefix;
    }

    /** Takes up to {@code wanted} tokens from the shared bucket {@code key}; fails when the store does not answer. */
    public Future<Lease> take(String key, long capacity, Duration period, long wanted) {
        Promise<Lease> promise = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis,
                id -> promise.tryFail("the rate-limit store did not answer within " + timeoutMillis + " ms"));
        evaluate(prefix + key, capacity, Math.max(1, period.toMillis()), wanted).onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.succeeded()) {
                Response response = result.result();
                promise.tryComplete(new Lease(response.get(0).toLong(), response.get(1).toLong()));
            } else {
                promise.tryFail(result.cause());
            }
        });
        return promise.future();
    }

    private Future<Response> evaluate(String key, long capacity, long periodMillis, long wanted) {
        String loaded = sha;
        if (loaded == null) {
            return script(Command.EVAL, SCRIPT, key, capacity, periodMillis, wanted)
                    .onSuccess(ignored -> load());
        }
        return script(Command.EVALSHA, loaded, key, capacity, periodMillis, wanted).recover(failure -> {
            // A restarted Redis has forgotten the script: send it whole and load it again.
            if (String.valueOf(failure.getMessage()).startsWith("NOSCRIPT")) {
                sha = null;
                return script(Command.EVAL, SCRIPT, key, capacity, periodMillis, wanted).onSuccess(ignored -> load());
            }
            return Future.failedFuture(failure);
        });
    }

    private void load() {
        if (sha == null) {
            redis.send(Request.cmd(Command.SCRIPT).arg("LOAD").arg(SCRIPT))
                    .onSuccess(response -> sha = response.toString());
        }
    }

    private Future<Response> script(Command command, String script, String key, long capacity, long periodMillis,
            long wanted) {
        return redis.send(Request.cmd(command).arg(script).arg(1).arg(key).arg(capacity).arg(periodMillis)
                .arg(wanted));
    }
}
