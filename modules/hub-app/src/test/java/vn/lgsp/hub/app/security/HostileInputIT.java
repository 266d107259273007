package vn.lgsp.hub.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.lgsp.hub.app.support.EdxmlPackages;
import vn.lgsp.hub.app.support.HubIntegrationTest;
import vn.lgsp.hub.core.error.ErrorCode;

/**
 * Hostile and malformed requests against every REST and SOAP endpoint of the hub, generated from tables. Each must be
 * refused with a 4xx (or, on a SOAP endpoint only, a SOAP 1.1 fault with HTTP 500 carrying a {@code hubFault} code),
 * carry a stable error code, and never a stack trace. Afterwards nothing was queued or delivered, the hub is healthy,
 * and the log holds no API key, personal ID or citizen name used in the requests.
 *
 * <p>Run by failsafe with the other {@code *IT}s ({@code -Dit.test=HostileInputIT} alone). Requests Tomcat refuses
 * before the hub sees them ({@code %00}, {@code %2f}, {@code %5c}, overlong UTF-8 in the path, braces, a quote,
 * {@code |} or a backslash in the raw request line, an 8 KB header, a bare CR or a NUL in a header) get the hub's
 * problem document from {@code ProblemErrorReportValve}, not Tomcat's HTML page; a SOAP request with an unknown
 * charset gets a fault ({@code UnsupportedCharset}); an edXML package in a namespace no edXML package uses is
 * {@code document.invalid}. Each failing case is also printed as a line
 * {@code HostileInputIT FAILING CASE:}.
 *
 * <p>Short agency codes such as {@code H56} are <em>not</em> hostile: the lenient agency-code form accepts them by
 * design (see {@link #LENIENT_AGENCIES}).
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputIT extends HubIntegrationTest {

    // ------------------------------------------------------------------------------------------------ the secrets

    private static final String DEMO = "demo-key";
    private static final String READER = "reader-key";
    private static final String VERIFIER = "verifier-key";
    private static final String AGENCY11 = "agency11-key";
    private static final String OPERATOR = "demo-operator";
    private static final String WRONG = "wrong-key-7f3a9c";
    private static final List<String> KEYS = List.of(DEMO, READER, VERIFIER, AGENCY11, OPERATOR, WRONG);

    /** A valid personal ID the requests carry, and names; none may reach the log. */
    private static final String ID = "038095123456";
    private static final String ID2 = "001203004567";
    private static final String NAME = "Nguyễn Văn An";
    private static final String NAME2 = "Lê Thị Thu Hằng";
    /** Personal IDs that fail the structure check yet are long enough to be recognisable in the log. */
    private static final List<String> BAD_IDS = List.of("100095123456", "038995123456", "038295123456",
            "03809512345", "0380951234567", "03809512345a", "038-095-1234", "０３８０９５１２３４５６",
            "٠٣٨٠٩٥١٢٣٤٥٦", "038095123456' OR '1'='1", "<script>038095123456</script>", "");
    /** Agency codes the lenient form refuses: not groups of 0-9A-Z separated by dots, or over 35 characters. */
    private static final List<String> BAD_AGENCIES = List.of("../../etc",
            "000.00.14.H56;DROP TABLE exchange", "000.00.14.h56", "000.00.14.H56\u202e", "ＡＢＣ.00.14.H56",
            "%s".formatted("9".repeat(300)));
    /**
     * Agency codes that are not of the strict QCVN 102 form yet are accepted BY DESIGN: {@code AgencyCode.parse} takes
     * the lenient Quyết định 20/2020 form because real systems send codes such as {@code G09.20}. They are therefore
     * not in the hostile bodies (an event, intake item or letter naming one is accepted and delivered, rightly, which
     * the check that nothing was queued would count against the hub); a client bound to one agency is still refused
     * another's inbox ({@code auth.forbidden}), and a client that may read any inbox gets an empty one (checked
     * afterwards).
     */
    private static final List<String> LENIENT_AGENCIES = List.of("H56", "000.00.14", "000.00.14.H56.X");

    private static final String REST_JSON = "application/json";
    private static final String XML = "application/xml";
    private static final String SOAP = "text/xml; charset=UTF-8";

    private static final String EVENTS = "/api/v1/dossiers/events";
    private static final String INTAKE = "/api/v1/intake/dossiers";
    private static final String VERIFY = "/api/v1/citizens/verify";
    private static final String LOOKUP = "/api/v1/citizens/lookup";
    private static final String DOCUMENTS = "/api/v1/documents";
    private static final String STATUS = "/api/v1/documents/status";
    private static final String INBOX = "/api/v1/documents/inbox/";
    private static final String EXCHANGES = "/api/v1/exchanges/";
    private static final String DEAD = "/api/v1/ops/dead-letters/";
    private static final String WS_CITIZENS = "/ws/citizens";
    private static final String WS_DOCUMENTS = "/ws/documents";

    private static final String FIVE_MB = "A".repeat(5 * 1024 * 1024);
    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(ErrorCode::code)
            .collect(Collectors.toSet());
    private static final Pattern FAULT_CODE = Pattern.compile(
            "<(?:\\w+:)?hubFault\\b[^>]*>.*?<(?:\\w+:)?code>([^<]+)</(?:\\w+:)?code>", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Map<String, AtomicInteger> SENT_BY_KIND = new ConcurrentHashMap<>();
    private static final AtomicInteger SENT = new AtomicInteger();
    private static final ConcurrentLinkedQueue<String> FAILURES = new ConcurrentLinkedQueue<>();

    @Autowired
    private JdbcTemplate jdbc;

    /** One hostile request: what it is, and how to send it. */
    private record Case(String kind, String name, String method, String path, String contentType, String apiKey,
                        byte[] body, Map<String, String> headers, boolean raw, String rawHeaderLine) {

        boolean soap() {
            return path.startsWith("/ws/");
        }
    }

    private record Answer(int status, String contentType, String body, Map<String, List<String>> headers) {
    }

    // --------------------------------------------------------------------------------------------------- the tests

    @TestFactory
    Stream<DynamicNode> hostileRequestsAreRefusedCleanly(CapturedOutput output) {
        List<Case> cases = cases();
        Map<String, Long> before = exchangeCounts();
        Set<String> idsBefore = Set.copyOf(jdbc.queryForList("SELECT id FROM exchange", String.class));
        Map<String, Integer> simulatorsBefore = simulatorCounts();
        int populationBefore = POPULATION.requests().size();
        // the startup banner of the embedded default prints the demo keys by design: judge only what the requests log
        int logStart = output.getAll().length();

        Map<String, List<Case>> byKind = new TreeMap<>();
        cases.forEach(c -> byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(c));
        List<DynamicNode> nodes = new ArrayList<>();
        byKind.forEach((kind, list) -> nodes.add(DynamicContainer.dynamicContainer(kind, list.stream()
                .map(c -> DynamicTest.dynamicTest(c.method() + " " + abbreviate(c.path(), 80) + " — " + c.name(),
                        () -> check(c))))));
        nodes.add(DynamicTest.dynamicTest("afterwards: at least 200 requests were sent", () -> {
            System.out.println("HostileInputIT: " + SENT.get() + " requests by kind: " + new TreeMap<>(SENT_BY_KIND));
            FAILURES.forEach(f -> System.out.println("HostileInputIT FAILING CASE: " + f));
            assertThat(SENT.get()).isGreaterThanOrEqualTo(200);
        }));
        nodes.add(DynamicTest.dynamicTest("afterwards: nothing was queued or delivered", () -> {
            Thread.sleep(1500); // anything wrongly queued would have been attempted by now
            jdbc.queryForList("SELECT id FROM exchange", String.class).stream().filter(id -> !idsBefore.contains(id))
                    .map(id -> exchangeLog.find(id).orElseThrow())
                    .filter(x -> !(x.state().name().equals("FAILED") && (x.flow().equals("citizen-identity")
                            || x.flow().equals("security") && String.valueOf(x.lastErrorCode()).startsWith("auth."))))
                    .forEach(x -> System.out.println("HostileInputIT NEW EXCHANGE: " + x.flow() + " " + x.operation()
                            + " " + x.state() + " subject=" + x.subjectKey() + " client=" + x.clientId()
                            + " code=" + x.lastErrorCode()));
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(exchangeCounts()).as("exchange rows other than FAILED identity refusals, by flow/state")
                    .isEqualTo(before);
            soft.assertThat(simulatorCounts()).as("calls received by the simulators").isEqualTo(simulatorsBefore);
            soft.assertThat(POPULATION.requests()).as("calls to the population database").hasSize(populationBefore);
            soft.assertThat(PORTAL.received()).as("what the portal received").isEmpty();
            soft.assertAll();
        }));
        nodes.add(DynamicTest.dynamicTest("afterwards: lenient agency codes are accepted by design", () -> {
            for (String lenient : LENIENT_AGENCIES) {
                Answer inbox = send(get("agency-codes", "inbox of " + lenient, INBOX + lenient, DEMO), false);
                assertThat(inbox.status()).as("GET inbox of %s with the demo key", lenient).isEqualTo(200);
                assertThat(JSON.readTree(inbox.body()).path("agencyCode").asText()).isEqualTo(lenient);
                assertThat(JSON.readTree(inbox.body()).path("waiting").isEmpty()).isTrue();
            }
        }));
        nodes.add(DynamicTest.dynamicTest("afterwards: the hub is ready", () -> {
            // readiness is the hub's own health (broker, database); the overall status also carries upstreams that
            // other tests of the shared context leave DEGRADED on purpose
            Answer health = send(new Case("health", "health", "GET", "/actuator/health/readiness", null, null, null,
                    Map.of(), false, null), false);
            assertThat(health.status()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("UP");
        }));
        nodes.add(DynamicTest.dynamicTest("afterwards: no key, personal ID or name in the log", () -> {
            String log = output.getAll().substring(logStart);
            List<String> leaks = new ArrayList<>();
            List<String> secrets = new ArrayList<>(KEYS);
            secrets.addAll(List.of(ID, ID2, NAME, NAME2, "Nguyen Van An"));
            BAD_IDS.stream().filter(b -> b.length() >= 11).forEach(secrets::add);
            for (String line : log.split("\n")) {
                for (String secret : secrets) {
                    if (line.contains(secret)) {
                        leaks.add("'" + secret + "' in: " + abbreviate(line, 400));
                    }
                }
            }
            leaks.forEach(l -> System.out.println("HostileInputIT LOG LEAK: " + l));
            assertThat(leaks).as("secrets in the log").isEmpty();
            assertThat(log).as("API keys in the log").doesNotContain(KEYS);
            assertThat(log).as("personal IDs in the log").doesNotContain(ID, ID2);
            for (String bad : BAD_IDS) {
                if (bad.length() >= 11) {
                    assertThat(log).as("personal ID %s in the log", bad).doesNotContain(bad);
                }
            }
            assertThat(log).as("names in the log").doesNotContain(NAME, NAME2, "Nguyen Van An");
        }));
        return nodes.stream();
    }

    private void check(Case c) throws Exception {
        Answer a = send(c, true);
        String where = c.method() + " " + abbreviate(c.path(), 120) + " [" + c.kind() + ": " + c.name() + "]";
        String excerpt = abbreviate(a.body().replaceAll("\\s+", " "), 300);
        List<String> problems = new ArrayList<>();
        String code = null;
        boolean soapFault = a.body().contains("Fault>") && a.body().contains("Envelope");
        if (a.status() >= 400 && a.status() < 500) {
            code = codeOf(a);
        } else if (a.status() == 500 && c.soap() && soapFault) {
            Matcher m = FAULT_CODE.matcher(a.body());
            code = m.find() ? m.group(1).trim() : null;
        } else {
            problems.add("status " + a.status() + " is not a refusal (4xx"
                    + (c.soap() ? ", or 500 with a SOAP fault" : "") + ")");
        }
        if (a.status() < 500 || c.soap()) {
            if (code == null || code.isBlank()) {
                problems.add("no stable error code");
            } else if (!CODES.contains(code)) {
                problems.add("code '" + code + "' is not an ErrorCode");
            }
        }
        for (String trace : List.of("at vn.", "at org.", "Exception", "at java.", "stackTrace")) {
            if (a.body().contains(trace)) {
                problems.add("stack trace marker '" + trace + "' in the body");
            }
        }
        if (c.raw()) {
            a.headers().forEach((name, values) -> {
                if (name.equalsIgnoreCase("Set-Cookie") || name.equalsIgnoreCase("X-Injected")) {
                    problems.add("injected header " + name + " reflected in the answer");
                }
                values.forEach(v -> {
                    if (v.contains("\r") || v.contains("\n")) {
                        problems.add("CR/LF in answer header " + name);
                    }
                });
            });
        }
        if (!problems.isEmpty()) {
            String report = where + " -> " + a.status() + " (" + a.contentType() + "): " + problems + " body: " + excerpt;
            FAILURES.add(report);
            fail(report);
        }
    }

    private static String codeOf(Answer a) {
        String body = a.body();
        if (body.isBlank()) {
            return null;
        }
        if (body.trim().startsWith("{")) {
            try {
                JsonNode n = JSON.readTree(body);
                return n.path("code").isTextual() ? n.path("code").asText() : null;
            } catch (IOException e) {
                return null;
            }
        }
        Matcher m = FAULT_CODE.matcher(body);
        return m.find() ? m.group(1).trim() : null;
    }

    // -------------------------------------------------------------------------------------------------- the tables

    private List<Case> cases() {
        List<Case> all = new ArrayList<>();
        jsonSyntax(all);
        dossierFields(all);
        intakeFields(all);
        citizenFields(all);
        contentTypes(all);
        documents(all);
        pathVariables(all);
        authentication(all);
        soapCitizens(all);
        soapDocuments(all);
        headerInjection(all);
        return all;
    }

    /** Malformed, truncated, hostile JSON on every JSON endpoint. */
    private void jsonSyntax(List<Case> all) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        String valid = dossierEvent(Map.of());
        bodies.put("empty body", new byte[0]);
        bodies.put("whitespace only", utf8("   \n\t "));
        bodies.put("truncated object", utf8(valid.substring(0, valid.length() / 2)));
        bodies.put("unclosed string", utf8("{\"dossierCode\":\"000.00.14.H56-261120-0001"));
        bodies.put("trailing comma", utf8("{\"dossierCode\":\"x\",}"));
        bodies.put("single quotes", utf8("{'dossierCode':'x'}"));
        bodies.put("bare word", utf8("undefined"));
        bodies.put("JSON null", utf8("null"));
        bodies.put("JSON array", utf8("[]"));
        bodies.put("JSON string", utf8("\"" + ID + "\""));
        bodies.put("JSON number", utf8("12345"));
        bodies.put("comment", utf8("/* " + NAME + " */ {}"));
        bodies.put("two documents", utf8("{} {}"));
        bodies.put("NUL bytes", new byte[] {'{', 0, 0, '}'});
        bodies.put("invalid UTF-8 bytes", concat(utf8("{\"dossierCode\":\""), new byte[] {(byte) 0xC3, (byte) 0x28,
                (byte) 0xFF, (byte) 0xFE, (byte) 0xED, (byte) 0xA0, (byte) 0x80}, utf8("\"}")));
        bodies.put("overlong UTF-8 '/'", concat(utf8("{\"agencyCode\":\"..\""), new byte[] {(byte) 0xC0, (byte) 0xAF},
                utf8("\"}")));
        bodies.put("UTF-16 with BOM", concat(new byte[] {(byte) 0xFE, (byte) 0xFF},
                "{\"x\":1}".getBytes(StandardCharsets.UTF_16BE)));
        bodies.put("deep nesting 10,000 arrays", utf8("[".repeat(10_000) + "]".repeat(10_000)));
        bodies.put("deep nesting 10,000 objects", utf8("{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000)));
        bodies.put("unclosed deep nesting", utf8("{\"a\":[".repeat(10_000)));
        bodies.put("5 MB string value", utf8("{\"dossierCode\":\"" + FIVE_MB + "\"}"));
        bodies.put("5 MB field name", utf8("{\"" + FIVE_MB + "\":1}"));
        bodies.put("huge number literal", utf8("{\"status\":" + "9".repeat(100_000) + "}"));
        bodies.put("huge exponent", utf8("{\"status\":1e999999999}"));
        bodies.put("NaN", utf8("{\"status\":NaN}"));
        for (String path : List.of(EVENTS, INTAKE, VERIFY, LOOKUP)) {
            bodies.forEach((name, body) -> all.add(post("json-syntax", name, path, REST_JSON, DEMO, body)));
        }
    }

    /** Wrong types, huge values and invalid codes in a dossier event. */
    private void dossierFields(List<Case> all) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("status as string", Map.of("status", "\"2\""));
        fields.put("status 12", Map.of("status", "12"));
        fields.put("status 0", Map.of("status", "0"));
        fields.put("status -1", Map.of("status", "-1"));
        fields.put("status 2.5", Map.of("status", "2.5"));
        fields.put("status true", Map.of("status", "true"));
        fields.put("status object", Map.of("status", "{\"v\":2}"));
        fields.put("status 2^63", Map.of("status", "9223372036854775808"));
        fields.put("status 100 digits", Map.of("status", "1" + "0".repeat(100)));
        fields.put("status 1e400", Map.of("status", "1e400"));
        fields.put("dossierCode number", Map.of("dossierCode", "12345"));
        fields.put("dossierCode array", Map.of("dossierCode", "[\"a\"]"));
        fields.put("dossierCode traversal", Map.of("dossierCode", "\"../../../etc/passwd\""));
        fields.put("dossierCode 5 MB", Map.of("dossierCode", "\"" + FIVE_MB + "\""));
        fields.put("procedureName 5 MB", Map.of("procedureName", "\"" + FIVE_MB + "\"", "status", "99"));
        fields.put("occurredAt not a date", Map.of("occurredAt", "\"yesterday\""));
        fields.put("occurredAt Feb 30", Map.of("occurredAt", "\"2026-02-30T09:00:00+07:00\""));
        fields.put("occurredAt year 999999999", Map.of("occurredAt", "\"+999999999-12-31T23:59:59Z\""));
        fields.put("occurredAt number", Map.of("occurredAt", "1e300"));
        fields.put("applicant string", Map.of("applicant", "\"" + NAME + "\""));
        fields.put("fees amount huge", Map.of("fees", "[{\"code\":\"LP01\",\"name\":\"x\",\"amount\":"
                + "9".repeat(5000) + "}]", "status", "12"));
        fields.put("fees not an array", Map.of("fees", "{\"amount\":1}"));
        fields.put("documents 100,000 entries", Map.of("documents", "[" + String.join(",",
                java.util.Collections.nCopies(100_000, "{}")) + "]", "status", "0"));
        for (String bad : BAD_AGENCIES) {
            fields.put("agencyCode " + abbreviate(bad, 30), Map.of("agencyCode", JSON.valueToTree(bad).toString()));
        }
        for (String bad : BAD_IDS) {
            fields.put("personalId " + abbreviate(bad, 30), Map.of("applicant",
                    "{\"type\":\"CITIZEN\",\"fullName\":\"" + NAME2 + "\",\"personalId\":"
                            + JSON.valueToTree(bad) + "}"));
        }
        fields.forEach((name, override) -> {
            @SuppressWarnings("unchecked")
            Map<String, String> o = (Map<String, String>) override;
            all.add(post("dossier-fields", name, EVENTS, REST_JSON, DEMO, utf8(dossierEvent(o))));
        });
    }

    /** The portal's wire form of an online intake dossier, with hostile fields. */
    private void intakeFields(List<Case> all) {
        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
        fields.put("MaHoSo number", Map.of("MaHoSo", "12345"));
        fields.put("MaHoSo missing", Map.of("MaHoSo", "null"));
        fields.put("MaHoSo 5 MB", Map.of("MaHoSo", "\"" + FIVE_MB + "\""));
        fields.put("MaHoSo traversal", Map.of("MaHoSo", "\"..%2f..%2fetc\""));
        fields.put("NgayNopHoSo not a date", Map.of("NgayNopHoSo", "\"20261399250000\""));
        fields.put("NgayNopHoSo array", Map.of("NgayNopHoSo", "[1,2,3]"));
        fields.put("NgaySinhChuHoSo Feb 30", Map.of("NgaySinhChuHoSo", "\"19950230\""));
        fields.put("LoaiDoiTuong 9", Map.of("LoaiDoiTuong", "\"9\""));
        fields.put("LoaiDoiTuong object", Map.of("LoaiDoiTuong", "{}"));
        fields.put("ChuHoSo 5 MB", Map.of("ChuHoSo", "\"" + FIVE_MB + "\"", "SoGiayToChuHoSo", "\"123\""));
        for (String bad : BAD_AGENCIES) {
            fields.put("MaCoQuan " + abbreviate(bad, 30), Map.of("MaCoQuan", JSON.valueToTree(bad).toString()));
        }
        for (String bad : BAD_IDS) {
            fields.put("SoGiayToChuHoSo " + abbreviate(bad, 30),
                    Map.of("SoGiayToChuHoSo", JSON.valueToTree(bad).toString()));
        }
        fields.forEach((name, o) -> all.add(post("intake-fields", name, INTAKE, REST_JSON, DEMO,
                utf8(intakeItem(o)))));
    }

    /** verify and lookup with invalid IDs, missing purpose or officer, wrong types. */
    private void citizenFields(List<Case> all) {
        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
        for (String bad : BAD_IDS) {
            fields.put("personalId " + abbreviate(bad, 30), Map.of("personalId", JSON.valueToTree(bad).toString()));
        }
        fields.put("personalId number", Map.of("personalId", "38095123456"));
        fields.put("personalId 5 MB", Map.of("personalId", "\"" + FIVE_MB + "\""));
        fields.put("no purpose", Map.of("purpose", "null"));
        fields.put("purpose a string", Map.of("purpose", "\"because\""));
        fields.put("no officer", Map.of("officerId", "null"));
        fields.put("birthDate not a date", Map.of("birthDate", "\"1995-13-45\"", "personalId", "\"1\""));
        fields.put("fullName array", Map.of("fullName", "[\"" + NAME2 + "\"]", "personalId", "\"1\""));
        fields.forEach((name, o) -> {
            all.add(post("citizen-fields", "verify " + name, VERIFY, REST_JSON, DEMO, utf8(citizen(o))));
            all.add(post("citizen-fields", "lookup " + name, LOOKUP, REST_JSON, DEMO, utf8(citizen(o))));
        });
    }

    /** Bodies that are otherwise valid, sent with the wrong content type. */
    private void contentTypes(List<Case> all) {
        List<String> types = List.of("text/plain", XML, "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "application/json; charset=nonexistent-charset",
                "application/json-patch+json", "*/*", "json", "");
        Map<String, String> jsonEndpoints = Map.of(EVENTS, dossierEvent(Map.of()), INTAKE, intakeItem(Map.of()),
                VERIFY, citizen(Map.of()), LOOKUP, citizen(Map.of()));
        jsonEndpoints.forEach((path, body) -> {
            for (String type : types) {
                all.add(post("content-type", "'" + type + "'", path, type, DEMO, utf8(body).clone()));
            }
            all.add(post("content-type", "no content type", path, null, DEMO, utf8(body)));
        });
        String letter = EdxmlPackages.letter(EdxmlPackages.newDocumentId(PUSH_AGENCY), PUSH_AGENCY, "000.00.x");
        for (String type : List.of("application/json", "multipart/form-data; boundary=x", "image/png")) {
            all.add(post("content-type", "'" + type + "'", DOCUMENTS, type, DEMO, utf8(letter)));
            all.add(post("content-type", "'" + type + "'", STATUS, type, DEMO, utf8(letter)));
        }
    }

    /** edXML packages that are malformed, hostile or not the caller's to send, over REST. */
    private void documents(List<Case> all) {
        Map<String, byte[]> packages = hostilePackages();
        packages.forEach((name, body) -> {
            all.add(post("documents-rest", name, DOCUMENTS, XML, DEMO, body));
            all.add(post("documents-rest", name, STATUS, XML, DEMO, body));
        });
        String id = EdxmlPackages.newDocumentId(PUSH_AGENCY);
        all.add(post("documents-rest", "agency11 sending as another agency", DOCUMENTS, XML, AGENCY11,
                utf8(EdxmlPackages.letter(id, PUSH_AGENCY, INBOX_AGENCY))));
        all.add(post("documents-rest", "reader-key sending", DOCUMENTS, XML, READER,
                utf8(EdxmlPackages.letter(id, PUSH_AGENCY, INBOX_AGENCY))));
        all.add(post("documents-rest", "verifier-key sending a status", STATUS, XML, VERIFIER,
                utf8(EdxmlPackages.status("01", INBOX_AGENCY, PUSH_AGENCY, id, 1))));
        all.add(post("documents-rest", "status code 99", STATUS, XML, DEMO,
                utf8(EdxmlPackages.status("99", INBOX_AGENCY, PUSH_AGENCY, id, 1))));
        all.add(post("documents-rest", "status about an unknown document", STATUS, XML, DEMO,
                utf8(EdxmlPackages.status("01", INBOX_AGENCY, PUSH_AGENCY, id + "-unknown", 2))));
        all.add(post("documents-rest", "status package sent as a document", DOCUMENTS, XML, DEMO,
                utf8(EdxmlPackages.status("01", INBOX_AGENCY, PUSH_AGENCY, id, 3))));
        all.add(post("documents-rest", "letter sent as a status", STATUS, XML, DEMO,
                utf8(EdxmlPackages.letter(id, PUSH_AGENCY, INBOX_AGENCY))));
    }

    private static Map<String, byte[]> hostilePackages() {
        String id = EdxmlPackages.newDocumentId(PUSH_AGENCY);
        String letter = EdxmlPackages.letter(id, PUSH_AGENCY, INBOX_AGENCY);
        String body = letter.substring(letter.indexOf("?>") + 2);
        Map<String, byte[]> p = new LinkedHashMap<>();
        p.put("empty", new byte[0]);
        p.put("not XML", utf8("this is not XML at all <<<"));
        p.put("JSON", utf8(dossierEvent(Map.of())));
        p.put("truncated letter", utf8(letter.substring(0, letter.length() / 2)));
        p.put("letter cut before the end", utf8(letter.substring(0, letter.length() - 20)));
        p.put("XXE file", utf8("<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + body.replace("V/v báo cáo", "&xxe;")));
        p.put("XXE http", utf8("<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY xxe SYSTEM "
                + "\"http://127.0.0.1:1/xxe\">]>" + body.replace("V/v báo cáo", "&xxe;")));
        p.put("external DTD", utf8("<?xml version=\"1.0\"?><!DOCTYPE edXML SYSTEM \"http://127.0.0.1:1/edxml.dtd\">"
                + body));
        p.put("parameter entity", utf8("<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY % p SYSTEM "
                + "\"http://127.0.0.1:1/p.dtd\"> %p;]>" + body));
        p.put("billion laughs", utf8(billionLaughs() + body.replace("V/v báo cáo", "&lol9;")));
        p.put("quadratic blowup", utf8("<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY a \"" + "a".repeat(50_000)
                + "\">]>" + body.replace("V/v báo cáo", "&a;".repeat(1000))));
        // refused either way: included, the sender is /etc/passwd; not included, the sender has no code
        p.put("XInclude", utf8(letter.replaceFirst("<edXML:OrganId>" + PUSH_AGENCY + "</edXML:OrganId>",
                "<edXML:OrganId><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\""
                        + " parse=\"text\"/></edXML:OrganId>")));
        p.put("deep nesting 10,000", utf8("<?xml version=\"1.0\"?>" + "<a>".repeat(10_000) + "</a>".repeat(10_000)));
        p.put("deep nesting inside a letter", utf8(letter.replace("<edXML:Subject>",
                "<edXML:Subject>" + "<x>".repeat(10_000) + "</x>".repeat(10_000))));
        p.put("invalid UTF-8 bytes", concat(utf8(letter.substring(0, letter.indexOf("V/v"))),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, utf8(letter.substring(
                        letter.indexOf("V/v")))));
        p.put("declared UTF-16, sent UTF-8", utf8(letter.replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")));
        p.put("unknown encoding", utf8(letter.replace("encoding=\"UTF-8\"", "encoding=\"X-NOPE\"")));
        p.put("5 MB OrganId", utf8(letter.replace("<edXML:OrganId>" + PUSH_AGENCY + "</edXML:OrganId><edXML:OrganName>"
                + "Sở", "<edXML:OrganId>" + FIVE_MB + "</edXML:OrganId><edXML:OrganName>Sở")));
        p.put("missing attachment", utf8(EdxmlPackages.letterMissingAttachment(id, PUSH_AGENCY, INBOX_AGENCY)));
        p.put("attachment not base64", utf8(letter.replaceFirst("<edXML:ContentTransferEncoded>[^<]*<",
                "<edXML:ContentTransferEncoded>!!!not base64 ***<")));
        p.put("wrong namespace", utf8(letter.replace("http://www.mic.gov.vn/TBT/QCVN_102_2016", "urn:evil")));
        p.put("processing instruction and CDATA", utf8(letter.replaceFirst("<edXML:OrganId>" + PUSH_AGENCY
                + "</edXML:OrganId>", "<edXML:OrganId><?evil x?><![CDATA[../../etc</edXML:OrganId>]]></edXML:OrganId>")));
        for (String bad : BAD_AGENCIES) {
            p.put("recipient " + abbreviate(bad, 30), utf8(EdxmlPackages.letter(EdxmlPackages.newDocumentId(
                    PUSH_AGENCY), PUSH_AGENCY, xmlEscape(bad))));
        }
        p.put("sender traversal", utf8(EdxmlPackages.letter(EdxmlPackages.newDocumentId(PUSH_AGENCY),
                "../../../etc", INBOX_AGENCY)));
        return p;
    }

    /** Path traversal and junk in every path variable. */
    private void pathVariables(List<Case> all) {
        List<String> ids = List.of("../../actuator/env", "..%2f..%2factuator%2fenv", "%2e%2e%2f%2e%2e%2factuator",
                "..%00", "..%00.json", "%00", "..;", "..%5c..%5cwindows", "%252e%252e%252f", "x'%20OR%20'1'='1",
                "%3Cscript%3E", "%E2%80%AE", "%C0%AF", "%FF%FE", "x".repeat(5000), "%0d%0aSet-Cookie:%20x=1",
                ID);
        for (String id : ids) {
            all.add(get("path-traversal", "exchange " + abbreviate(id, 30), EXCHANGES + id, DEMO));
            all.add(post("path-traversal", "replay " + abbreviate(id, 30), DEAD + id + "/replay", null, OPERATOR,
                    new byte[0]));
            all.add(post("path-traversal", "discard " + abbreviate(id, 30), DEAD + id + "/discard", REST_JSON,
                    OPERATOR, utf8("{\"reason\":\"hostile\"}")));
            all.add(get("path-traversal", "inbox agency " + abbreviate(id, 30), INBOX + id, AGENCY11));
            all.add(get("path-traversal", "inbox id " + abbreviate(id, 30), INBOX + INBOX_AGENCY + "/" + id,
                    AGENCY11));
            all.add(post("path-traversal", "ack " + abbreviate(id, 30), INBOX + INBOX_AGENCY + "/" + id + "/ack",
                    null, AGENCY11, new byte[0]));
        }
        // characters Tomcat's HTTP/1.1 parser refuses in the request line itself (no relaxed path characters are
        // configured); sent raw, as the JDK client refuses such a URI
        for (String target : List.of("x{y}", "x\"y", "x|y", "x\\y")) {
            all.add(new Case("path-traversal", "raw request target " + target, "GET", EXCHANGES + target, null, DEMO,
                    null, Map.of(), true, null));
        }
        for (String bad : List.of("000.00.14.h56", "ＡＢＣ")) {
            String enc = java.net.URLEncoder.encode(bad, StandardCharsets.UTF_8).replace("+", "%20");
            all.add(get("agency-codes", "inbox of " + bad, INBOX + enc, DEMO));
            all.add(post("agency-codes", "ack in " + bad, INBOX + enc + "/x/ack", null, DEMO, new byte[0]));
        }
        for (String lenient : LENIENT_AGENCIES) {
            // well-formed by design: refused for the agency-bound key (auth.forbidden), not for the code's form
            all.add(get("agency-codes", "agency11 reading the inbox of " + lenient, INBOX + lenient, AGENCY11));
            all.add(post("agency-codes", "ack in " + lenient, INBOX + lenient + "/x/ack", null, DEMO, new byte[0]));
        }
        all.add(get("agency-codes", "agency11 reading another inbox", INBOX + OFFICE, AGENCY11));
        all.add(get("agency-codes", "agency11 fetching from another inbox", INBOX + OFFICE + "/x", AGENCY11));
        all.add(post("agency-codes", "agency11 acking in another inbox", INBOX + OFFICE + "/x/ack", null, AGENCY11,
                new byte[0]));
        all.add(post("dead-letters", "replay a non-dead-lettered id with a body", DEAD + "no-such/replay", REST_JSON,
                OPERATOR, utf8("{\"reason\":" + "[".repeat(10_000) + "}")));
        all.add(post("dead-letters", "discard with malformed JSON", DEAD + "no-such/discard", REST_JSON,
                OPERATOR, utf8("{\"reason\":")));
        all.add(post("dead-letters", "discard with a 5 MB reason", DEAD + "no-such/discard", REST_JSON,
                OPERATOR, utf8("{\"reason\":\"" + FIVE_MB + "\"}")));
        all.add(post("dead-letters", "discard with invalid UTF-8", DEAD + "no-such/discard", REST_JSON,
                OPERATOR, concat(utf8("{\"reason\":\""), new byte[] {(byte) 0xFF, (byte) 0xC0}, utf8("\"}"))));
        all.add(post("dead-letters", "replay with the demo key", DEAD + "no-such/replay", null, DEMO, new byte[0]));
        all.add(post("dead-letters", "discard with the reader key", DEAD + "no-such/discard", REST_JSON, READER,
                utf8("{\"reason\":\"x\"}")));
        all.add(get("dead-letters", "GET on replay", DEAD + "no-such/replay", OPERATOR));
    }

    /** No key, wrong keys and keys without the right, on every endpoint, with bodies that are otherwise valid. */
    private void authentication(List<Case> all) {
        String letter = EdxmlPackages.letter(EdxmlPackages.newDocumentId(PUSH_AGENCY), PUSH_AGENCY, INBOX_AGENCY);
        List<Case> targets = List.of(
                post("", "", EVENTS, REST_JSON, null, utf8(dossierEvent(Map.of()))),
                post("", "", INTAKE, REST_JSON, null, utf8(intakeItem(Map.of()))),
                post("", "", VERIFY, REST_JSON, null, utf8(citizen(Map.of()))),
                post("", "", LOOKUP, REST_JSON, null, utf8(citizen(Map.of()))),
                post("", "", DOCUMENTS, XML, null, utf8(letter)),
                post("", "", STATUS, XML, null, utf8(letter)),
                get("", "", INBOX + INBOX_AGENCY, null),
                get("", "", INBOX + INBOX_AGENCY + "/x", null),
                post("", "", INBOX + INBOX_AGENCY + "/x/ack", null, null, new byte[0]),
                get("", "", EXCHANGES + "x", null),
                post("", "", DEAD + "x/replay", null, null, new byte[0]),
                post("", "", DEAD + "x/discard", REST_JSON, null, utf8("{\"reason\":\"x\"}")),
                post("", "", WS_CITIZENS, SOAP, null, utf8(citizenEnvelope("verify", ID, NAME))),
                post("", "", WS_DOCUMENTS, SOAP, null, utf8(documentEnvelope("sendDocument", utf8(letter)))),
                get("", "", WS_CITIZENS + "?wsdl", null),
                get("", "", WS_DOCUMENTS + "?wsdl", null));
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("no key", null);
        keys.put("wrong key", WRONG);
        keys.put("empty key", "");
        keys.put("upper-case demo key", "DEMO-KEY");
        keys.put("8 KB key", "k".repeat(8 * 1024));
        keys.put("SQL in key", "' OR '1'='1");
        keys.put("SHA-256 of the demo key as key", "2b1b5f0a5ec8d5b0c1d24b9a6a73e0e0bd4f1f9be0c0fd9b6a4b6f3d0e0c1a2b");
        for (Case t : targets) {
            keys.forEach((name, key) -> all.add(new Case("auth", name, t.method(), t.path(), t.contentType(), key,
                    t.body(), Map.of(), false, null)));
        }
        // valid keys without the right
        all.add(post("auth", "reader-key posting an event", EVENTS, REST_JSON, READER, utf8(dossierEvent(Map.of()))));
        all.add(post("auth", "reader-key pushing intake", INTAKE, REST_JSON, READER, utf8(intakeItem(Map.of()))));
        all.add(post("auth", "reader-key verifying", VERIFY, REST_JSON, READER, utf8(citizen(Map.of()))));
        all.add(post("auth", "verifier-key looking up", LOOKUP, REST_JSON, VERIFIER, utf8(citizen(Map.of()))));
        all.add(post("auth", "agency11-key looking up", LOOKUP, REST_JSON, AGENCY11, utf8(citizen(Map.of()))));
        all.add(post("auth", "operator posting an event", EVENTS, REST_JSON, OPERATOR, utf8(dossierEvent(Map.of()))));
        all.add(get("auth", "agency11-key reading exchanges", EXCHANGES + "x", AGENCY11));
        all.add(post("auth", "reader-key replaying", DEAD + "x/replay", null, READER, new byte[0]));
        all.add(post("auth", "reader-key SOAP verify", WS_CITIZENS, SOAP, READER,
                utf8(citizenEnvelope("verify", ID, NAME))));
        all.add(post("auth", "verifier-key SOAP lookup", WS_CITIZENS, SOAP, VERIFIER,
                utf8(citizenEnvelope("lookup", ID, NAME))));
        all.add(post("auth", "reader-key SOAP sendDocument", WS_DOCUMENTS, SOAP, READER,
                utf8(documentEnvelope("sendDocument", utf8(letter)))));
        all.add(post("auth", "agency11-key SOAP sendDocument as another agency", WS_DOCUMENTS, SOAP, AGENCY11,
                utf8(documentEnvelope("sendDocument", utf8(letter)))));
    }

    /** /ws/citizens: not SOAP, hostile XML, wrong operations, invalid fields. */
    private void soapCitizens(List<Case> all) {
        // a valid request: were a hostile variant read, the population database would be called (checked afterwards)
        Map<String, byte[]> bodies = hostileSoap(citizenEnvelope("verify", ID2, NAME2), "urn:lgsp-hub:citizens:v1",
                "<c:officerId>");
        bodies.put("unknown operation", utf8(envelope("urn:lgsp-hub:citizens:v1",
                "<c:deleteCitizen><c:personalId>" + ID2 + "</c:personalId></c:deleteCitizen>")));
        bodies.put("verify with a 5 MB personalId", utf8(citizenEnvelope("verify", FIVE_MB, NAME2)));
        bodies.put("verify birthDate not a date", utf8(citizenEnvelope("verify", ID2, NAME2)
                .replace("1995-03-07", "1995-13-45")));
        bodies.put("verify without purpose", utf8(citizenEnvelope("verify", ID2, NAME2)
                .replaceAll("<c:purpose>.*</c:purpose>", "")));
        for (String bad : BAD_IDS) {
            bodies.put("verify personalId " + abbreviate(bad, 30), utf8(citizenEnvelope("verify", xmlEscape(bad),
                    NAME2)));
            bodies.put("lookup personalId " + abbreviate(bad, 30), utf8(citizenEnvelope("lookup", xmlEscape(bad),
                    NAME2)));
        }
        bodies.forEach((name, body) -> all.add(post("soap-citizens", name, WS_CITIZENS, SOAP, DEMO, body)));
        soapTransport(all, "soap-citizens", WS_CITIZENS, citizenEnvelope("verify", "12", NAME2),
                "urn:lgsp-hub:citizens:v1:verify");
    }

    /** /ws/documents: not SOAP, hostile XML in the envelope and in the package. */
    private void soapDocuments(List<Case> all) {
        // refused by its content only: a recipient that is no agency code
        String letter = EdxmlPackages.letter(EdxmlPackages.newDocumentId(PUSH_AGENCY), PUSH_AGENCY, "../../etc");
        Map<String, byte[]> bodies = hostileSoap(documentEnvelope("sendDocument", utf8(letter)),
                "urn:lgsp-hub:documents:v1", "<c:edxml>");
        bodies.put("unknown operation", utf8(envelope("urn:lgsp-hub:documents:v1",
                "<c:deleteDocument><c:edxml>AAAA</c:edxml></c:deleteDocument>")));
        bodies.put("edxml not base64", utf8(envelope("urn:lgsp-hub:documents:v1",
                "<c:sendDocument><c:edxml>!!!*** not base64 ***</c:edxml></c:sendDocument>")));
        bodies.put("edxml missing", utf8(envelope("urn:lgsp-hub:documents:v1", "<c:sendDocument/>")));
        hostilePackages().forEach((name, pkg) -> {
            if (!name.startsWith("recipient ")) {
                bodies.put("sendDocument package: " + name, utf8(documentEnvelope("sendDocument", pkg)));
            }
        });
        bodies.put("sendStatus package: not XML", utf8(documentEnvelope("sendStatus", utf8("<<<"))));
        bodies.put("sendStatus package: XXE", utf8(documentEnvelope("sendStatus", utf8("<?xml version=\"1.0\"?>"
                + "<!DOCTYPE s [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><s>&x;</s>"))));
        bodies.forEach((name, body) -> all.add(post("soap-documents", name, WS_DOCUMENTS, SOAP, DEMO, body)));
        soapTransport(all, "soap-documents", WS_DOCUMENTS, documentEnvelope("sendDocument", utf8(letter)),
                "urn:lgsp-hub:documents:v1:sendDocument");
    }

    /** Hostile envelopes common to both SOAP endpoints; {@code valid} is an envelope refused only by its content. */
    private static Map<String, byte[]> hostileSoap(String valid, String ns, String nestIn) {
        String inner = valid.substring(valid.indexOf("<soapenv:Body>") + "<soapenv:Body>".length(),
                valid.indexOf("</soapenv:Body>"));
        Map<String, byte[]> b = new LinkedHashMap<>();
        b.put("empty body", new byte[0]);
        b.put("not XML", utf8("this is not XML at all <<<"));
        b.put("JSON", utf8("{\"verify\":{\"personalId\":\"" + ID2 + "\"}}"));
        b.put("not an envelope", utf8("<c:verify xmlns:c=\"" + ns + "\"><c:personalId>1</c:personalId></c:verify>"));
        b.put("envelope of an unknown namespace", utf8(valid.replace("http://schemas.xmlsoap.org/soap/envelope/",
                "urn:not-soap")));
        b.put("SOAP 1.2 envelope", utf8(valid.replace("http://schemas.xmlsoap.org/soap/envelope/",
                "http://www.w3.org/2003/05/soap-envelope")));
        b.put("missing Body", utf8("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soapenv:Header/></soapenv:Envelope>"));
        b.put("empty Body", utf8(envelope(ns, "")));
        b.put("two operations in Body", utf8(envelope(ns, inner + inner)));
        b.put("text in Body", utf8(envelope(ns, "hello")));
        b.put("truncated envelope", utf8(valid.substring(0, valid.length() / 2)));
        b.put("XXE file", utf8("<?xml version=\"1.0\"?><!DOCTYPE soapenv:Envelope [<!ENTITY xxe SYSTEM "
                + "\"file:///etc/passwd\">]>" + valid.replace("canbo01", "&xxe;")));
        b.put("XXE http", utf8("<?xml version=\"1.0\"?><!DOCTYPE soapenv:Envelope [<!ENTITY xxe SYSTEM "
                + "\"http://127.0.0.1:1/xxe\">]>" + valid.replace("canbo01", "&xxe;")));
        b.put("external DTD", utf8("<?xml version=\"1.0\"?><!DOCTYPE soapenv:Envelope SYSTEM "
                + "\"http://127.0.0.1:1/soap.dtd\">" + valid));
        b.put("billion laughs", utf8(billionLaughs().replace("edXML", "soapenv:Envelope")
                + valid.replace("canbo01", "&lol9;")));
        b.put("deep nesting 10,000", utf8(envelope(ns, "<x>".repeat(10_000) + "</x>".repeat(10_000))));
        b.put("deep nesting inside the operation", utf8(valid.replace(nestIn,
                nestIn + "<x>".repeat(10_000) + "</x>".repeat(10_000))));
        b.put("invalid UTF-8 bytes", concat(utf8(valid.substring(0, valid.indexOf("</soapenv:Body>"))),
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, utf8("</soapenv:Body></soapenv:Envelope>")));
        b.put("5 MB element name", utf8(envelope(ns, "<" + FIVE_MB + "/>")));
        b.put("100,000 attributes", utf8(envelope(ns, "<c:x " + Stream.iterate(0, i -> i + 1).limit(100_000)
                .map(i -> "a" + i + "=\"1\"").collect(Collectors.joining(" ")) + "/>")));
        b.put("SOAP Header mustUnderstand", utf8(valid.replace("<soapenv:Body>", "<soapenv:Header><w:Security "
                + "xmlns:w=\"urn:evil\" soapenv:mustUnderstand=\"1\"/></soapenv:Header><soapenv:Body>")));
        return b;
    }

    /** Transport-level faults of a SOAP endpoint: wrong action, wrong content type, wrong method. */
    private void soapTransport(List<Case> all, String kind, String path, String envelope, String action) {
        byte[] body = utf8(envelope);
        all.add(new Case(kind, "wrong SOAPAction", "POST", path, SOAP, DEMO, body,
                Map.of("SOAPAction", "\"urn:evil:deleteEverything\""), false, null));
        all.add(new Case(kind, "SOAPAction of the other endpoint", "POST", path, SOAP, DEMO, body,
                Map.of("SOAPAction", path.equals(WS_CITIZENS) ? "\"urn:lgsp-hub:documents:v1:sendDocument\""
                        : "\"urn:lgsp-hub:citizens:v1:lookup\""), false, null));
        all.add(new Case(kind, "right SOAPAction, empty body", "POST", path, SOAP, DEMO, new byte[0],
                Map.of("SOAPAction", "\"" + action + "\""), false, null));
        for (String type : List.of("application/json", "text/plain", "application/soap+xml; charset=UTF-8",
                "multipart/related; boundary=x", "text/xml; charset=nonexistent-charset")) {
            all.add(post(kind, "content type '" + type + "'", path, type, DEMO, body));
        }
        all.add(post(kind, "no content type", path, null, DEMO, body));
        all.add(get(kind, "GET without ?wsdl", path, DEMO));
        all.add(get(kind, "GET ?xsd=../../etc/passwd", path + "?xsd=../../../../etc/passwd", DEMO));
        all.add(get(kind, "GET ?wsdl=../../etc/passwd", path + "?wsdl=../../../../etc/passwd", DEMO));
        all.add(new Case(kind, "PUT", "PUT", path, SOAP, DEMO, body, Map.of(), false, null));
        all.add(new Case(kind, "DELETE", "DELETE", path, null, DEMO, null, Map.of(), false, null));
    }

    /** CR/LF and other control characters in X-Correlation-Id, over a raw socket (the JDK client refuses them). */
    private void headerInjection(List<Case> all) {
        byte[] body = utf8(dossierEvent(Map.of("status", "12")));
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("bare CR", "X-Correlation-Id: abc\rSet-Cookie: session=evil");
        lines.put("bare LF", "X-Correlation-Id: abc\nX-Injected: 1");
        lines.put("CR LF CR LF (response splitting)", "X-Correlation-Id: abc%0d%0aSet-Cookie: x=1");
        lines.put("obs-fold", "X-Correlation-Id: abc\r\n Set-Cookie: folded=1");
        lines.put("NUL", "X-Correlation-Id: abc\u0000def");
        lines.put("8 KB id", "X-Correlation-Id: " + "c".repeat(8 * 1024));
        lines.put("log forging", "X-Correlation-Id: abc INFO forged entry " + NAME2);
        lines.put("non-ASCII bytes", "X-Correlation-Id: " + new String(new byte[] {(byte) 0xC3, (byte) 0x28,
                (byte) 0xFF}, StandardCharsets.ISO_8859_1));
        lines.forEach((name, line) -> all.add(new Case("header-injection", name, "POST", EVENTS, REST_JSON, DEMO,
                body, Map.of(), true, line)));
        all.add(new Case("header-injection", "encoded CR LF via the JDK client", "POST", EVENTS, REST_JSON, DEMO,
                body, Map.of("X-Correlation-Id", "abc%0d%0aSet-Cookie:%20x=1"), false, null));
    }

    // ------------------------------------------------------------------------------------------------ the bodies

    private static String dossierEvent(Map<String, String> override) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("dossierCode", "\"000.00.14.H56-261122-9" + String.format("%03d",
                (int) (Math.random() * 1000)) + "\"");
        f.put("procedureCode", "\"1.004616\"");
        f.put("procedureName", "\"Cấp giấy phép xây dựng\"");
        f.put("agencyCode", "\"000.00.14.H56\"");
        f.put("agencyName", "\"Sở Xây dựng tỉnh Thanh Hóa\"");
        f.put("status", "2");
        f.put("occurredAt", "\"2026-11-22T09:15:00+07:00\"");
        f.put("channel", "\"ONLINE\"");
        f.put("applicant", "{\"type\":\"CITIZEN\",\"fullName\":\"" + NAME + "\",\"personalId\":\"" + ID + "\"}");
        f.put("handler", "{\"officer\":\"canbo01\",\"department\":\"Bộ phận một cửa\",\"note\":\"x\"}");
        f.putAll(override);
        return object(f);
    }

    private static String intakeItem(Map<String, String> override) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("MaHoSo", "\"000.00.14.H56-261122-0" + String.format("%03d", (int) (Math.random() * 1000)) + "\"");
        f.put("MaTTHC", "\"1.004616\"");
        f.put("TenTTHC", "\"Cấp giấy phép xây dựng\"");
        f.put("MaCoQuan", "\"000.00.14.H56\"");
        f.put("NgayNopHoSo", "\"20261122090000\"");
        f.put("ChuHoSo", "\"" + NAME + "\"");
        f.put("LoaiDoiTuong", "\"1\"");
        f.put("SoGiayToChuHoSo", "\"" + ID + "\"");
        f.put("NgaySinhChuHoSo", "\"19950312\"");
        f.putAll(override);
        return object(f);
    }

    private static String citizen(Map<String, String> override) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("personalId", "\"" + ID + "\"");
        f.put("fullName", "\"" + NAME + "\"");
        f.put("birthDate", "\"1995-03-12\"");
        f.put("purpose", "{\"procedureCode\":\"1.004616\",\"dossierCode\":\"000.00.14.H56-261122-0001\"}");
        f.put("officerId", "\"canbo01\"");
        f.putAll(override);
        return object(f);
    }

    private static String object(Map<String, String> fields) {
        return fields.entrySet().stream().filter(e -> !"null".equals(e.getValue()))
                .map(e -> "\"" + e.getKey() + "\":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    }

    private static String envelope(String ns, String body) {
        return "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:c=\"" + ns
                + "\"><soapenv:Body>" + body + "</soapenv:Body></soapenv:Envelope>";
    }

    private static String citizenEnvelope(String operation, String personalId, String name) {
        return envelope("urn:lgsp-hub:citizens:v1", "<c:" + operation + "><c:personalId>" + personalId
                + "</c:personalId><c:fullName>" + name + "</c:fullName><c:birthDate>1995-03-07</c:birthDate>"
                + "<c:purpose><c:procedureCode>1.004616</c:procedureCode><c:dossierCode>000.00.14.H56-261122-0002"
                + "</c:dossierCode></c:purpose><c:officerId>canbo01</c:officerId></c:" + operation + ">");
    }

    private static String documentEnvelope(String operation, byte[] pkg) {
        return envelope("urn:lgsp-hub:documents:v1", "<c:" + operation + "><c:edxml>"
                + Base64.getEncoder().encodeToString(pkg) + "</c:edxml></c:" + operation + ">");
    }

    private static String billionLaughs() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            b.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        return b.append("]>").toString();
    }

    // ---------------------------------------------------------------------------------------------- the sending

    private static Case post(String kind, String name, String path, String type, String key, byte[] body) {
        return new Case(kind, name, "POST", path, type, key, body, Map.of(), false, null);
    }

    private static Case get(String kind, String name, String path, String key) {
        return new Case(kind, name, "GET", path, null, key, null, Map.of(), false, null);
    }

    private Answer send(Case c, boolean count) throws Exception {
        if (count) {
            SENT.incrementAndGet();
            SENT_BY_KIND.computeIfAbsent(c.kind(), k -> new AtomicInteger()).incrementAndGet();
        }
        return c.raw() ? sendRaw(c) : sendJdk(c);
    }

    private Answer sendJdk(Case c) throws Exception {
        HttpRequest.BodyPublisher publisher = c.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(c.body());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.path()))
                .timeout(Duration.ofSeconds(60)).method(c.method(), publisher);
        if (c.contentType() != null && !c.contentType().isEmpty()) {
            b.header("Content-Type", c.contentType());
        }
        if (c.apiKey() != null && !c.apiKey().isEmpty()) {
            b.header("X-API-Key", c.apiKey());
        }
        c.headers().forEach(b::header);
        if (c.contentType() != null && c.contentType().isEmpty() || c.apiKey() != null && c.apiKey().isEmpty()) {
            // the JDK client sends no empty header value: send these over a raw socket
            StringBuilder extra = new StringBuilder();
            if (c.contentType() != null) {
                extra.append("Content-Type: ");
                if (c.apiKey() != null) {
                    extra.append("\r\n");
                }
            }
            if (c.apiKey() != null) {
                extra.append("X-API-Key: ").append(c.apiKey());
            }
            return sendRaw(new Case(c.kind(), c.name(), c.method(), c.path(), null, null, c.body(), c.headers(),
                    true, extra.toString()), c);
        }
        HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                new String(r.body(), StandardCharsets.UTF_8), r.headers().map());
    }

    private Answer sendRaw(Case c) throws IOException {
        return sendRaw(c, c);
    }

    /** Sends {@code c} over a socket, its {@code rawHeaderLine} written as is, with the key of {@code keyFrom}. */
    private Answer sendRaw(Case c, Case keyFrom) throws IOException {
        byte[] body = c.body() == null ? new byte[0] : c.body();
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder(c.method() + " " + c.path() + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + port + "\r\nConnection: close\r\nContent-Length: " + body.length + "\r\n");
        if (c.contentType() != null) {
            head.append("Content-Type: ").append(c.contentType()).append("\r\n");
        }
        if (c == keyFrom && c.apiKey() != null) {
            head.append("X-API-Key: ").append(c.apiKey()).append("\r\n");
        } else if (c != keyFrom && keyFrom.apiKey() != null && !keyFrom.apiKey().isEmpty()) {
            head.append("X-API-Key: ").append(keyFrom.apiKey()).append("\r\n");
        }
        if (c != keyFrom && keyFrom.contentType() != null && !keyFrom.contentType().isEmpty()) {
            head.append("Content-Type: ").append(keyFrom.contentType()).append("\r\n");
        }
        c.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (c.rawHeaderLine() != null) {
            head.append(c.rawHeaderLine()).append("\r\n");
        }
        head.append("\r\n");
        req.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        req.write(body);
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            out.write(req.toByteArray());
            out.flush();
            byte[] all;
            try {
                all = s.getInputStream().readAllBytes();
            } catch (IOException e) {
                all = new byte[0];
            }
            return parse(all);
        }
    }

    private static Answer parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int split = text.indexOf("\r\n\r\n");
        if (split < 0) {
            return new Answer(-1, "", text, Map.of());
        }
        String[] headLines = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(headLines[0].split(" ")[1]);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < headLines.length; i++) {
            int colon = headLines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(headLines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(headLines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = Arrays.copyOfRange(raw, split + 4, raw.length);
        if (headers.getOrDefault("Transfer-Encoding", List.of()).stream()
                .anyMatch(v -> v.toLowerCase(Locale.ROOT).contains("chunked"))) {
            body = dechunk(body);
        }
        String type = headers.getOrDefault("Content-Type", List.of("")).get(0);
        return new Answer(status, type, new String(body, StandardCharsets.UTF_8), headers);
    }

    private static byte[] dechunk(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < in.length) {
            int eol = indexOf(in, i);
            if (eol < 0) {
                break;
            }
            String sizeLine = new String(in, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size;
            try {
                size = Integer.parseInt(sizeLine, 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int start = eol + 2;
            out.write(in, start, Math.min(size, in.length - start));
            i = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] in, int from) {
        for (int i = from; i < in.length - 1; i++) {
            if (in[i] == '\r' && in[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    // ----------------------------------------------------------------------------------------- the side effects

    /**
     * Exchange rows by flow and state, leaving out refusals that are only records: the FAILED ones the identity
     * service writes for refused calls, and the FAILED {@code auth.*} ones of flow {@code security}.
     */
    private Map<String, Long> exchangeCounts() {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.queryForList("SELECT flow, state, COUNT(*) AS n FROM exchange WHERE NOT (state = 'FAILED' AND"
                + " (flow = 'citizen-identity' OR (flow = 'security' AND last_error_code LIKE 'auth.%')))"
                + " GROUP BY flow, state").forEach(row -> {
            String flow = String.valueOf(row.get("FLOW") != null ? row.get("FLOW") : row.get("flow"));
            String state = String.valueOf(row.get("STATE") != null ? row.get("STATE") : row.get("state"));
            Object n = row.get("N") != null ? row.get("N") : row.get("n");
            if (!(flow.equals("citizen-identity") && state.equals("FAILED"))) {
                counts.put(flow + "/" + state, ((Number) n).longValue());
            }
        });
        return counts;
    }

    private static Map<String, Integer> simulatorCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        counts.put("PORTAL calls", PORTAL.callCount());
        counts.put("PORTAL received", PORTAL.received().size());
        counts.put("ONESTOP calls", ONESTOP.callCount());
        counts.put("ONESTOP received", ONESTOP.received().size());
        counts.put("AXIS calls", AXIS.callCount());
        counts.put("AXIS sent", AXIS.sent().size());
        counts.put("AGENCIES calls", AGENCIES.callCount());
        counts.put("AGENCIES received", AGENCIES.received().size());
        return counts;
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String abbreviate(String s, int max) {
        String clean = s.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\0");
        return clean.length() <= max ? clean : clean.substring(0, max) + "…(" + s.length() + " chars)";
    }
}
