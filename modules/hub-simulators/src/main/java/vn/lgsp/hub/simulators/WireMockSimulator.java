package vn.lgsp.hub.simulators;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.util.Objects;
import vn.lgsp.hub.simulators.portal.NoMappingFiles;

/**
 * A {@link Simulator} backed by its own WireMock server: no mapping files, a quiet notifier, a bounded
 * request journal, and the simulator's behaviour supplied as WireMock extensions.
 */
public abstract class WireMockSimulator implements Simulator {

  /** Bounds the memory held by WireMock's request journal during long load runs. */
  private static final int JOURNAL_ENTRIES = 1000;
  /** Enough Jetty threads for the hub's concurrent consumers while some replies are delayed. */
  private static final int CONTAINER_THREADS = 64;

  private final String bindAddress;
  private final WireMockServer server;

  /** {@code port} 0 picks a free port; {@code name} prefixes the simulator's log lines. */
  protected WireMockSimulator(int port, String bindAddress, String name, Extension... extensions) {
    this(port, bindAddress, name, JOURNAL_ENTRIES, extensions);
  }

  /**
   * As above, with a request journal of at most {@code journalEntries} requests: fewer for a simulator that receives
   * documents of many megabytes, since the journal keeps every body it holds.
   */
  protected WireMockSimulator(int port, String bindAddress, String name, int journalEntries,
      Extension... extensions) {
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    this.server = new WireMockServer(wireMockConfig()
        .port(port)
        .bindAddress(bindAddress)
        .containerThreads(CONTAINER_THREADS)
        .maxRequestJournalEntries(journalEntries)
        .mappingSource(new NoMappingFiles())
        .notifier(new QuietNotifier(name))
        .extensions(extensions));
  }

  @Override
  public void start() {
    server.start();
  }

  @Override
  public void stop() {
    server.stop();
  }

  @Override
  public int port() {
    return server.port();
  }

  @Override
  public String baseUrl() {
    boolean wildcard = bindAddress.equals("0.0.0.0") || bindAddress.equals("::");
    String host = wildcard ? "127.0.0.1" : bindAddress;
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
  }

  /** The underlying server, for extra stubs or WireMock's verification API. */
  public WireMockServer wireMock() {
    return server;
  }
}
