package vn.lgsp.hub.connector.docex.transport;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Supplier;

/** Passes a reply body on until it exceeds a number of bytes; then cancels it and fails with the given exception. */
final class BoundedSubscriber<T> implements HttpResponse.BodySubscriber<T> {

    private final HttpResponse.BodySubscriber<T> delegate;
    private final long maxBytes;
    private final Supplier<? extends RuntimeException> tooLarge;
    private Flow.Subscription subscription;
    private long received;
    private boolean cutOff;

    BoundedSubscriber(HttpResponse.BodySubscriber<T> delegate, long maxBytes,
                      Supplier<? extends RuntimeException> tooLarge) {
        this.delegate = delegate;
        this.maxBytes = maxBytes;
        this.tooLarge = tooLarge;
    }

    @Override
    public CompletionStage<T> getBody() {
        return delegate.getBody();
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        delegate.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (cutOff) {
            return;
        }
        for (ByteBuffer item : items) {
            received += item.remaining();
        }
        if (received > maxBytes) {
            cutOff = true;
            subscription.cancel();
            delegate.onError(tooLarge.get());
            return;
        }
        delegate.onNext(items);
    }

    @Override
    public void onError(Throwable throwable) {
        if (!cutOff) {
            delegate.onError(throwable);
        }
    }

    @Override
    public void onComplete() {
        if (!cutOff) {
            delegate.onComplete();
        }
    }
}
