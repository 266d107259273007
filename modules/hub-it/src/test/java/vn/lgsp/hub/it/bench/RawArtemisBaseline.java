package vn.lgsp.hub.it.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.activemq.artemis.jms.client.ActiveMQMessage;

/**
 * The baseline of benchmark 2: raw Artemis durable send-and-receive, no hub. An Artemis broker embedded in this JVM
 * and reached over the in-VM connector, as the hub's embedded default reaches its own (Spring Boot's embedded mode),
 * with a persistent journal on disk of Artemis' default journal type (AIO where libaio loads, else NIO: the same
 * choice the hub's embedded broker makes on the same machine; {@link #journalType()} says which).
 *
 * <p>Per rate, messages of the hub's shape (a text body, the event's canonical JSON, and the hub's JMS properties with
 * values of the same lengths, a message group per dossier) are sent under the open model: one scheduler thread hands
 * each message, at its intended time, to a pool of sender threads (each with its own session and producer) that send
 * it persistent and blocking (Artemis blocks a durable send until the broker has stored it), as the hub's acceptance
 * does. Consumers ({@code consumers}, as many as the hub's delivery consumers), each with a transacted session,
 * receive and commit one message at a time, as the hub's delivery routes do. Measured from the intended send time:
 * the send's return, and the consumer's receive.
 */
final class RawArtemisBaseline implements AutoCloseable {

    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(600);
    private static final String QUEUE = "bench.raw.events";

    /** One message: its body and its group (the dossier). */
    record Payload(String body, String group) {
    }

    /** One rate's figures. */
    record Result(int rate, long sent, long sendErrors, long received, Histogram send, Histogram endToEnd,
                  double lagP99Ms, double achievedRate, double receivedPerSecond, long backlogAtEnd,
                  double drainSeconds, int messageBytes) {

        boolean sustained() {
            return sendErrors == 0 && achievedRate >= 0.98 * rate && receivedPerSecond >= 0.98 * rate
                    && drainSeconds < 1.0;
        }
    }

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final int senders;
    private final int consumers;
    private Connection producing;
    private Connection consuming;

    RawArtemisBaseline(Path dataDir, int senders, int consumers) throws Exception {
        this.senders = senders;
        this.consumers = consumers;
        Configuration config = new ConfigurationImpl()
                .setPersistenceEnabled(true)
                .setSecurityEnabled(false)
                .setJournalDirectory(dataDir.resolve("journal").toString())
                .setBindingsDirectory(dataDir.resolve("bindings").toString())
                .setLargeMessagesDirectory(dataDir.resolve("largemessages").toString())
                .setPagingDirectory(dataDir.resolve("paging").toString())
                .addAcceptorConfiguration("in-vm", "vm://7")
                .addQueueConfiguration(QueueConfiguration.of(QUEUE).setRoutingType(RoutingType.ANYCAST));
        broker.setConfiguration(config);
        broker.start();
        ActiveMQConnectionFactory cf = new ActiveMQConnectionFactory("vm://7");
        producing = cf.createConnection();
        consuming = cf.createConnection();
        consuming.start();
    }

    /** The journal the broker runs: AIO when the native library loaded, else NIO. */
    String journalType() {
        return broker.getActiveMQServer().getConfiguration().getJournalType() + (broker.getActiveMQServer()
                .getConfiguration().getJournalType().name().equals("ASYNCIO")
                && !org.apache.activemq.artemis.core.io.aio.AIOSequentialFileFactory.isSupported()
                ? " configured, NIO used (libaio not available)" : "");
    }

    /**
     * {@code warmup + seconds} of messages at {@code rate}, the last {@code seconds} recorded; then waits until the
     * consumers have everything (or a minute passes without progress).
     */
    Result run(int rate, int warmup, int seconds, List<Payload> payloads) throws Exception {
        int total = rate * (warmup + seconds);
        int firstMeasured = rate * warmup;
        long[] intended = new long[total];
        AtomicLongArray received = new AtomicLongArray(total);
        Histogram send = new ConcurrentHistogram(1_000, MAX_NANOS, 3);
        Histogram e2e = new ConcurrentHistogram(1_000, MAX_NANOS, 3);
        Histogram lag = new Histogram(1, MAX_NANOS, 3);
        AtomicLong sendErrors = new AtomicLong();
        AtomicInteger messageBytes = new AtomicInteger();
        AtomicLong receivedCount = new AtomicLong();

        // consumers: transacted, one message per transaction, as the hub's delivery routes
        List<Thread> consumerThreads = new ArrayList<>();
        List<Session> consumerSessions = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        for (int c = 0; c < consumers; c++) {
            Session s = consuming.createSession(true, Session.SESSION_TRANSACTED);
            consumerSessions.add(s);
            MessageConsumer consumer = s.createConsumer(s.createQueue(QUEUE));
            Thread t = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        Message m = consumer.receive(100);
                        if (m == null) {
                            continue;
                        }
                        long now = System.nanoTime();
                        int i = m.getIntProperty("benchIndex");
                        if (messageBytes.get() == 0 && m instanceof ActiveMQMessage am) {
                            messageBytes.set(am.getCoreMessage().getEncodeSize());
                        }
                        s.commit();
                        received.set(i, now);
                        receivedCount.incrementAndGet();
                        if (i >= firstMeasured) {
                            e2e.recordValue(Math.min(MAX_NANOS, Math.max(1_000, now - intended[i])));
                        }
                    }
                } catch (JMSException e) {
                    if (!stop.get()) {
                        BenchSupport.log("raw consumer failed: " + e);
                    }
                }
            }, "raw-consumer-" + c);
            t.setDaemon(true);
            t.start();
            consumerThreads.add(t);
        }

        Map<Thread, Object[]> producers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(senders, r -> {
            Thread t = new Thread(r, "raw-sender");
            t.setDaemon(true);
            return t;
        });
        double period = 1e9 / rate;
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (int i = 0; i < total; i++) {
            long due = t0 + Math.round(i * period);
            long now = OpenLoad.awaitDue(due);
            intended[i] = due;
            boolean measured = i >= firstMeasured;
            if (measured) {
                lag.recordValue(Math.min(MAX_NANOS, Math.max(1, now - due)));
            }
            int index = i;
            Payload p = payloads.get(i % payloads.size());
            pool.execute(() -> {
                try {
                    Object[] sp = producers.computeIfAbsent(Thread.currentThread(), th -> open());
                    Session s = (Session) sp[0];
                    MessageProducer producer = (MessageProducer) sp[1];
                    TextMessage m = s.createTextMessage(p.body());
                    hubShape(m, p.group(), index);
                    producer.send(m);
                    if (measured) {
                        send.recordValue(Math.min(MAX_NANOS, Math.max(1_000, System.nanoTime() - due)));
                    }
                } catch (JMSException | RuntimeException e) {
                    if (sendErrors.incrementAndGet() == 1) {
                        BenchSupport.log("raw send failed: " + e);
                    }
                }
            });
        }
        long scheduleEnd = System.nanoTime();
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        long sendingDone = System.nanoTime();
        long backlog = total - sendErrors.get() - receivedCount.get();
        long lastProgress = System.nanoTime();
        long seen = receivedCount.get();
        while (receivedCount.get() < total - sendErrors.get()) {
            if (receivedCount.get() > seen) {
                seen = receivedCount.get();
                lastProgress = System.nanoTime();
            } else if (System.nanoTime() - lastProgress > TimeUnit.SECONDS.toNanos(60)) {
                BenchSupport.log("raw: " + (total - seen) + " messages not received after a minute without progress");
                break;
            }
            Thread.sleep(5);
        }
        long lastReceive = 0;
        long inWindow = 0;
        long windowStart = intended[firstMeasured];
        long windowEnd = intended[total - 1];
        for (int i = 0; i < total; i++) {
            long at = received.get(i);
            lastReceive = Math.max(lastReceive, at);
            if (at >= windowStart && at <= windowEnd) {
                inWindow++;
            }
        }
        stop.set(true);
        for (Thread t : consumerThreads) {
            t.join(5_000);
        }
        for (Session s : consumerSessions) {
            s.close();
        }
        for (Object[] sp : producers.values()) {
            ((Session) sp[0]).close();
        }
        double window = Math.max(1e-9, (windowEnd - windowStart) / 1e9);
        double achieved = (total - firstMeasured) / Math.max(1e-9, (scheduleEnd - windowStart + period) / 1e9);
        double drain = Math.max(0, (lastReceive - sendingDone) / 1e9);
        return new Result(rate, total - firstMeasured, sendErrors.get(), receivedCount.get(), send, e2e,
                lag.getValueAtPercentile(99) / 1e6, achieved, inWindow / window, backlog, drain, messageBytes.get());
    }

    private Object[] open() {
        try {
            Session s = producing.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue q = s.createQueue(QUEUE);
            MessageProducer producer = s.createProducer(q);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            return new Object[] {s, producer};
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The properties the hub's delivery message carries (DeliveryMessage.toJms, and the duplicate id of acceptance),
     * with values of the same lengths, so that the message stored is the hub's size; plus the index that times it.
     */
    private static void hubShape(Message m, String group, int index) throws JMSException {
        String uuid = java.util.UUID.randomUUID().toString();
        m.setStringProperty("JMSXGroupID", group);
        m.setStringProperty("hubExchangeId", uuid);
        m.setStringProperty("hubSubjectKey", group);
        m.setLongProperty("hubSequence", 1 + index % 6);
        m.setStringProperty("hubOperation", "DOSSIER_SYNC");
        m.setStringProperty("hubEventKey", "%064x".formatted(index));
        m.setBooleanProperty("hubUpdating", true);
        m.setIntProperty("hubRound", 0);
        m.setLongProperty("hubFirstAttemptAt", 0L);
        m.setStringProperty("_AMQ_DUPL_ID", uuid);
        m.setIntProperty("benchIndex", index);
    }

    @Override
    public void close() throws Exception {
        try {
            producing.close();
            consuming.close();
        } finally {
            broker.stop();
        }
    }
}
