package be.mhealth.pyramid.gateway.service;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Passes a request body through while counting it and tells when it has ended. Past the limit it fails the stream
 * (so the upstream request is aborted) and from then on drains the rest of the client's body so that a 413 can be
 * read.
 */
final class BodyLimit implements ReadStream<Buffer> {

    static final class TooLargeException extends RuntimeException {
        TooLargeException() {
            super("request body too large", null, false, false);
        }
    }

    private final ReadStream<Buffer> delegate;
    private final long limit;
    private final Runnable onEnd;
    private long seen;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    BodyLimit(ReadStream<Buffer> delegate, long limit, Runnable onEnd) {
        this.delegate = delegate;
        this.limit = limit;
        this.onEnd = onEnd;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        if (!exceeded) {
            delegate.exceptionHandler(handler);
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (exceeded) {
            return this;
        }
        if (handler == null) {
            delegate.handler(null);
            return this;
        }
        delegate.handler(buffer -> {
            if (exceeded) {
                return;
            }
            seen += buffer.length();
            if (seen > limit) {
                exceeded = true;
                delegate.handler(ignored -> {
                });
                delegate.endHandler(null);
                delegate.resume();
                if (exceptionHandler != null) {
                    exceptionHandler.handle(new TooLargeException());
                }
            } else {
                handler.handle(buffer);
            }
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        if (!exceeded) {
            delegate.pause();
        }
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        delegate.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        delegate.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        if (!exceeded) {
            delegate.endHandler(endHandler == null ? null : v -> {
                onEnd.run();
                endHandler.handle(v);
            });
        }
        return this;
    }
}
