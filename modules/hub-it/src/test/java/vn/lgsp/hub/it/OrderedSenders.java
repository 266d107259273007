package vn.lgsp.hub.it;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Function;

/**
 * Client threads that send items of several subjects (a dossier's events, a dossier's versions) to the hub as its
 * contract asks: the items of one subject in order, the next only after the one before got its 202, and an item that
 * did not get its 202 (the hub was killed) sent again later, after the restart. The shared state of the threads, for
 * the crash tests; subject {@code s} belongs to sender {@code s % senders}.
 *
 * @param <T> an item; the constructor says how to read its identity and its JSON body
 */
final class OrderedSenders<T> {

    /** One POST of an item's body; an I/O failure (refused, reset, timeout) is thrown as is. */
    @FunctionalInterface
    interface Post {
        HubClient.Reply send(HubClient client, String json) throws IOException, InterruptedException;
    }

    private final List<? extends List<T>> histories;
    private final int senders;
    private final Function<T, String> identity;
    private final Function<T, String> json;
    private final Post post;
    /** Per subject, the index of the next item that has not got its 202 yet. */
    private final AtomicIntegerArray next;
    private final Semaphore permits;

    /** Exchange id of each item that got a 202, by the item's identity. */
    final Map<String, String> exchangeIds = new ConcurrentHashMap<>();
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger failedPosts = new AtomicInteger();
    final AtomicInteger resentDuplicates = new AtomicInteger();
    final Queue<String> refusals = new ConcurrentLinkedQueue<>();

    /**
     * @param permits when not null, each post of {@link #sendUntilFailure} first takes a permit, so that the test
     *                decides how far the first round gets; {@link #sendAll} does not
     */
    OrderedSenders(List<? extends List<T>> histories, int senders, Function<T, String> identity,
                   Function<T, String> json, Post post, Semaphore permits) {
        this.histories = histories;
        this.senders = senders;
        this.identity = identity;
        this.json = json;
        this.post = post;
        this.next = new AtomicIntegerArray(histories.size());
        this.permits = permits;
    }

    /** Items in all, every subject's. */
    int total() {
        return histories.stream().mapToInt(List::size).sum();
    }

    private Set<Integer> subjectsOf(int sender) {
        Set<Integer> mine = new LinkedHashSet<>();
        for (int d = sender; d < histories.size(); d += senders) {
            if (next.get(d) < histories.get(d).size()) {
                mine.add(d);
            }
        }
        return mine;
    }

    /**
     * Round-robin over the sender's subjects, one item each in turn; a subject whose item fails (the hub is gone) is
     * left alone from then on, since its next item must not overtake the failed one.
     */
    void sendUntilFailure(HubClient client, int sender) {
        Set<Integer> active = subjectsOf(sender);
        while (!active.isEmpty()) {
            for (Iterator<Integer> it = active.iterator(); it.hasNext(); ) {
                int d = it.next();
                T item = histories.get(d).get(next.get(d));
                HubClient.Reply reply;
                try {
                    if (permits != null) {
                        permits.acquire();
                    }
                    reply = post.send(client, json.apply(item));
                } catch (IOException ex) {
                    failedPosts.incrementAndGet();
                    it.remove();
                    continue;
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (!record(item, reply)) {
                    failedPosts.incrementAndGet();
                    it.remove();
                } else if (next.incrementAndGet(d) == histories.get(d).size()) {
                    it.remove();
                }
            }
        }
    }

    /** Like {@link #sendUntilFailure}, but each item is retried (bounded) until the hub answers 202. */
    void sendAll(HubClient client, int sender) {
        Set<Integer> active = subjectsOf(sender);
        while (!active.isEmpty()) {
            for (Iterator<Integer> it = active.iterator(); it.hasNext(); ) {
                int d = it.next();
                T item = histories.get(d).get(next.get(d));
                await("202 for " + item)
                        .atMost(Duration.ofSeconds(60))
                        .pollDelay(Duration.ZERO)
                        .pollInterval(Duration.ofMillis(200))
                        .ignoreExceptionsInstanceOf(IOException.class)
                        .until(() -> record(item, post.send(client, json.apply(item))));
                if (next.incrementAndGet(d) == histories.get(d).size()) {
                    it.remove();
                }
            }
        }
    }

    /** {@link #sendSteadily}: 503 answers (each retried with the same item). */
    final AtomicInteger unavailable = new AtomicInteger();
    /** {@link #sendSteadily}: refused or broken connections and timeouts (each retried with the same item). */
    final AtomicInteger connectionErrors = new AtomicInteger();
    /** {@link #sendSteadily}: other answers that were neither a 202 nor a 4xx (e.g. 500), retried the same way. */
    final AtomicInteger otherFailures = new AtomicInteger();
    /** {@link #sendSteadily}: 202s by the index of the hub that gave them. */
    final Map<Integer, AtomicInteger> acceptedByHub = new ConcurrentHashMap<>();

    /**
     * Load at a steady rate, for the failure drills: round-robin over the sender's subjects, one item each in turn,
     * {@code pause} after each 202. Item {@code i} of subject {@code d} goes to hub {@code (i + d) % hubs}; a 503, a
     * connection error or another 5xx is retried with the same item (so that "accepted" stays well-defined), on the
     * other hub, after {@code retryPause}, until a 202 (for at most ten minutes). Stops before taking a new item once
     * {@code more} says no, so every item sent ends with a 202.
     */
    void sendSteadily(List<HubClient> hubs, int sender, Duration pause, Duration retryPause,
                      java.util.function.BooleanSupplier more) throws InterruptedException {
        Set<Integer> active = subjectsOf(sender);
        while (!active.isEmpty() && more.getAsBoolean()) {
            for (Iterator<Integer> it = active.iterator(); it.hasNext() && more.getAsBoolean(); ) {
                int d = it.next();
                T item = histories.get(d).get(next.get(d));
                int hub = (next.get(d) + d) % hubs.size();
                long giveUp = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (true) {
                    try {
                        HubClient.Reply reply = post.send(hubs.get(hub), json.apply(item));
                        if (reply.status() == 503) {
                            unavailable.incrementAndGet();
                        } else if (record(item, reply)) {
                            acceptedByHub.computeIfAbsent(hub, h -> new AtomicInteger()).incrementAndGet();
                            break;
                        } else {
                            otherFailures.incrementAndGet();
                        }
                    } catch (IOException ex) {
                        connectionErrors.incrementAndGet();
                    }
                    if (System.nanoTime() > giveUp) {
                        throw new IllegalStateException("no 202 for " + item + " within ten minutes");
                    }
                    hub = (hub + 1) % hubs.size();
                    Thread.sleep(retryPause.toMillis());
                }
                if (next.incrementAndGet(d) == histories.get(d).size()) {
                    it.remove();
                }
                Thread.sleep(pause.toMillis());
            }
        }
    }

    /** @return true for a 202; a 4xx is a bug in the test or the hub and stops the test */
    private boolean record(T item, HubClient.Reply reply) {
        if (reply.accepted()) {
            if (exchangeIds.put(identity.apply(item), reply.exchangeId()) == null) {
                accepted.incrementAndGet();
            }
            if ("true".equals(reply.field("duplicate"))) {
                // a re-sent item whose first 202 was lost in the kill: the hub had it already
                resentDuplicates.incrementAndGet();
            }
            return true;
        }
        if (reply.status() >= 400 && reply.status() < 500) {
            refusals.add(item + " -> " + reply.status() + " " + reply.body());
            throw new IllegalStateException("hub refused " + item + ": " + reply.status() + " " + reply.body());
        }
        return false;
    }
}
