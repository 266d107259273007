package vn.lgsp.hub.app.flow.identity;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import vn.lgsp.hub.app.ops.metrics.HubMetrics;
import vn.lgsp.hub.audit.ExchangeLog;
import vn.lgsp.hub.audit.ExchangeRecord;
import vn.lgsp.hub.audit.ExchangeState;
import vn.lgsp.hub.audit.ExchangeStep;
import vn.lgsp.hub.audit.NewExchange;
import vn.lgsp.hub.connector.population.CitizenRecord;
import vn.lgsp.hub.connector.population.LookupResult;
import vn.lgsp.hub.connector.population.PopulationRequest;
import vn.lgsp.hub.connector.population.PopulationRoutes;
import vn.lgsp.hub.connector.population.VerificationResult;
import vn.lgsp.hub.core.error.ErrorCode;
import vn.lgsp.hub.core.error.HubException;
import vn.lgsp.hub.core.error.ValidationException;
import vn.lgsp.hub.core.error.Violation;
import vn.lgsp.hub.core.ids.DossierCode;
import vn.lgsp.hub.core.ids.Masking;
import vn.lgsp.hub.core.ids.PersonalId;
import vn.lgsp.hub.core.ids.ProcedureCode;

/**
 * Flow 3, citizen identity: verifies a citizen's details against the population database, or looks the citizen up.
 *
 * <p>A request is checked whole before anything else happens (a malformed personal ID or a missing purpose never
 * reaches the database). Each call is one exchange of flow {@value #FLOW} in the exchange log: client, correlation
 * id, the officer and the purpose ({@code procedureCode/dossierCode}) in columns of their own, the dossier as subject,
 * the masked ID; then one attempt with its outcome, duration and error code; then the final state, {@code DELIVERED}
 * when the database answered or {@code FAILED} with the error code. A call refused by validation is recorded too,
 * straight in state {@code FAILED} with the validation's error code and whatever officer, purpose and masked ID could
 * be read from it; the caller still gets the same 400 answer. Neither the log nor the exchange log ever holds a name,
 * a full ID or any part of the reply. Nothing is cached: each call asks the database again.
 */
@Service
public class CitizenIdentityService {

    public static final String FLOW = "citizen-identity";

    /** The two operations, as named in the exchange log. */
    public enum Operation {
        VERIFY, LOOKUP
    }

    private static final Logger log = LoggerFactory.getLogger(CitizenIdentityService.class);
    private static final int MAX_NAME = 200;
    private static final Pattern OFFICER = Pattern.compile("^[\\p{L}\\p{N}._@:-]{1,64}$");
    /** A refused personal ID longer than this is cut before it is masked: nobody's ID is that long. */
    private static final int MAX_REFUSED_ID = 20;

    private final Clock clock;
    private final ExchangeLog exchangeLog;
    private final ProducerTemplate camel;
    private final MeterRegistry meters;
    /**
     * Each group of exchange-log writes (the record and its first event; an attempt and the final state) is one
     * transaction: one commit instead of one per statement, which is most of a call's cost (docs/BENCHMARKS.md).
     * Never open across the call to the database.
     */
    private final TransactionTemplate tx;

    public CitizenIdentityService(Clock clock, ExchangeLog exchangeLog, ProducerTemplate camel, MeterRegistry meters,
                                  TransactionTemplate tx) {
        this.clock = clock;
        this.exchangeLog = exchangeLog;
        this.camel = camel;
        this.meters = meters;
        this.tx = tx;
    }

    /** The answer to a lookup: the citizen and the exchange that recorded the call. */
    public record Lookup(CitizenRecord citizen, String exchangeId) {
    }

    public VerifyResponse verify(CitizenIdentityRequest request, String clientId, String correlationId) {
        PopulationRequest q = checked(Operation.VERIFY, request, clientId, correlationId);
        Call<VerificationResult> call = call(Operation.VERIFY, q, clientId, correlationId, PopulationRoutes.VERIFY,
                VerificationResult.class);
        VerificationResult result = call.result();
        List<VerifyResponse.Difference> differences = new ArrayList<>();
        if (result.exists() && result.matched() != null) {
            CitizenRecord c = result.matched();
            NameComparison.Result name = NameComparison.compare(q.fullName(), c.fullName());
            if (name != NameComparison.Result.MATCH) {
                differences.add(new VerifyResponse.Difference("fullName",
                        name == NameComparison.Result.DIACRITICS_ONLY ? VerifyResponse.Kind.DIACRITICS_ONLY
                                : VerifyResponse.Kind.DIFFERENT));
            }
            if (!sameBirth(q.birthDate(), c)) {
                differences.add(new VerifyResponse.Difference("birthDate", VerifyResponse.Kind.DIFFERENT));
            }
        }
        // without a record the database's yes is the verdict: it answers yes only when the details match
        boolean match = result.exists() && differences.isEmpty();
        String outcome = !result.exists() ? "not_found" : match ? "match"
                : "mismatch " + differences.stream().map(d -> d.field() + ":" + d.kind()).toList();
        answered(call, outcome);
        return new VerifyResponse(match, result.exists(), differences, call.exchange().id());
    }

    /** @throws HubException {@link ErrorCode#CITIZEN_NOT_FOUND} when the database knows no such citizen */
    public Lookup lookup(CitizenIdentityRequest request, String clientId, String correlationId) {
        PopulationRequest q = checked(Operation.LOOKUP, request, clientId, correlationId);
        Call<LookupResult> call = call(Operation.LOOKUP, q, clientId, correlationId, PopulationRoutes.LOOKUP,
                LookupResult.class);
        List<CitizenRecord> citizens = call.result().citizens();
        CitizenRecord citizen = citizens.stream().filter(c -> q.personalId().value().equals(c.personalId()))
                .findFirst().orElse(citizens.isEmpty() ? null : citizens.get(0));
        answered(call, citizen == null ? "not_found" : "found");
        if (citizen == null) {
            throw new HubException(ErrorCode.CITIZEN_NOT_FOUND,
                    "The population database has no citizen with this personal ID (exchange " + call.exchange().id()
                            + ")");
        }
        return new Lookup(citizen, call.exchange().id());
    }

    private static boolean sameBirth(LocalDate given, CitizenRecord c) {
        if (c.birthDate() != null) {
            return c.birthDate().equals(given);
        }
        // older records know only the year
        return c.birthYear() == null || c.birthYear() == given.getYear();
    }

    /**
     * {@link #validate}s the request; a refused one is recorded as a {@code FAILED} exchange before the refusal goes
     * back to the caller unchanged.
     */
    private PopulationRequest checked(Operation op, CitizenIdentityRequest request, String clientId,
                                      String correlationId) {
        try {
            return validate(op, request);
        } catch (ValidationException e) {
            refused(op, request, clientId, correlationId, e);
            throw e;
        }
    }

    /**
     * Records a refused call: what could be read of the officer, the purpose and the personal ID (masked), and the
     * fields and codes refused, never the values. A failure to record is logged and does not change the answer.
     */
    private void refused(Operation op, CitizenIdentityRequest r, String clientId, String correlationId,
                         ValidationException e) {
        String code = e.errorCode().code();
        String officer = r == null || r.officerId() == null || !OFFICER.matcher(r.officerId()).matches() ? null
                : r.officerId();
        CitizenIdentityRequest.Purpose p = r == null ? null : r.purpose();
        String procedure = p == null ? null : readable(() -> ProcedureCode.parse(p.procedureCode(), "p").value());
        String dossierCode = p == null ? null : readable(() -> DossierCode.parse(p.dossierCode(), "p").value());
        String purpose = procedure == null && dossierCode == null ? null
                : (procedure == null ? "" : procedure) + "/" + (dossierCode == null ? "" : dossierCode);
        String masked = r == null ? null : maskRefusedId(r.personalId());
        String detail = "refused " + e.violations().stream().map(v -> v.field() + ":" + v.code().code()).toList();
        try {
            ExchangeRecord x = tx.execute(s -> {
                ExchangeRecord created = exchangeLog.create(new NewExchange(FLOW, op.name(), clientId,
                        correlationId, UUID.randomUUID().toString(), dossierCode, null, masked, officer, purpose));
                exchangeLog.changeState(created.id(), ExchangeState.FAILED, ExchangeStep.FAILED, code, detail);
                return created;
            });
            log.info("Citizen {} {} for client {} officer {} on {}: refused {}", op, x.id(), clientId, officer,
                    masked, code);
        } catch (RuntimeException failure) {
            log.warn("Citizen {} for client {} refused with {}, but the refusal could not be recorded ({})", op,
                    clientId, code, failure.getClass().getSimpleName());
        }
        count(op, code);
    }

    /** The value a parser accepts, or {@code null} when it refuses it. */
    private static String readable(Supplier<String> parse) {
        try {
            return parse.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The refused personal ID, masked; cut first, so that an absurdly long value is not kept, even masked. */
    private static String maskRefusedId(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String id = raw.strip();
        return Masking.maskPersonalId(id.length() > MAX_REFUSED_ID ? id.substring(0, MAX_REFUSED_ID) : id);
    }

    /** Checks the whole request and reports every problem at once; nothing is called or recorded before. */
    PopulationRequest validate(Operation op, CitizenIdentityRequest r) {
        List<Violation> v = new ArrayList<>();
        PersonalId id = null;
        if (r.personalId() == null || r.personalId().isBlank()) {
            v.add(missing("personalId"));
        } else {
            try {
                id = PersonalId.parse(r.personalId(), clock, "personalId");
            } catch (ValidationException e) {
                v.addAll(e.violations());
            }
        }
        if (op == Operation.VERIFY || r.fullName() != null) {
            if (r.fullName() == null || r.fullName().isBlank()) {
                v.add(missing("fullName"));
            } else if (r.fullName().length() > MAX_NAME || r.fullName().chars().anyMatch(Character::isISOControl)) {
                v.add(new Violation("fullName", ErrorCode.INVALID_FIELD,
                        "fullName must be at most " + MAX_NAME + " characters without control characters"));
            }
        }
        if (op == Operation.VERIFY && r.birthDate() == null) {
            v.add(missing("birthDate"));
        }
        if (r.birthDate() != null && r.birthDate().isAfter(LocalDate.now(clock))) {
            v.add(new Violation("birthDate", ErrorCode.INVALID_FIELD, "birthDate is in the future"));
        }
        if (r.purpose() == null) {
            v.add(new Violation("purpose", ErrorCode.MISSING_FIELD,
                    "purpose (procedureCode and dossierCode) is required: every use of citizen data needs one"));
        } else {
            if (r.purpose().procedureCode() == null || r.purpose().procedureCode().isBlank()) {
                v.add(missing("purpose.procedureCode"));
            } else {
                collect(v, () -> ProcedureCode.parse(r.purpose().procedureCode(), "purpose.procedureCode"));
            }
            if (r.purpose().dossierCode() == null || r.purpose().dossierCode().isBlank()) {
                v.add(missing("purpose.dossierCode"));
            } else {
                collect(v, () -> DossierCode.parse(r.purpose().dossierCode(), "purpose.dossierCode"));
            }
        }
        if (r.officerId() == null || r.officerId().isBlank()) {
            v.add(missing("officerId"));
        } else if (!OFFICER.matcher(r.officerId()).matches()) {
            v.add(new Violation("officerId", ErrorCode.INVALID_FIELD,
                    "officerId must be 1 to 64 letters, digits or . _ @ : -"));
        }
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
        return new PopulationRequest(id, r.fullName() == null ? null : r.fullName().strip(), r.birthDate(),
                r.purpose().procedureCode(), r.purpose().dossierCode(), r.officerId(), UUID.randomUUID().toString());
    }

    private static Violation missing(String field) {
        return new Violation(field, ErrorCode.MISSING_FIELD, field + " is required");
    }

    private static void collect(List<Violation> v, Runnable check) {
        try {
            check.run();
        } catch (ValidationException e) {
            v.addAll(e.violations());
        }
    }

    private record Call<T>(ExchangeRecord exchange, Operation op, PopulationRequest request, T result,
                           Duration duration) {
    }

    /**
     * Records the exchange, asks the database and records a failure. The caller records the answer, once it knows
     * what the answer means.
     */
    private <T> Call<T> call(Operation op, PopulationRequest q, String clientId, String correlationId, String route,
                             Class<T> type) {
        ExchangeRecord exchange = tx.execute(s -> exchangeLog.create(new NewExchange(FLOW, op.name(), clientId,
                correlationId, q.requestId(), q.dossierCode(), null, q.personalId().masked(), q.officerId(),
                purpose(q))));
        long start = System.nanoTime();
        try {
            T result = camel.requestBody(route, q, type);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            timeUpstream(op, took, null);
            return new Call<>(exchange, op, q, result, took);
        } catch (CamelExecutionException | HubException e) {
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            HubException failure = hubFailure(e);
            timeUpstream(op, took, failure.errorCode().code());
            // the database's refusal text is free text and may quote the name it was asked about
            String detail = "error=" + withoutName(failure.getMessage(), q.fullName());
            tx.executeWithoutResult(s -> exchangeLog.settle(exchange.id(), 1, false, took, ExchangeState.FAILED,
                    ExchangeStep.FAILED, failure.errorCode().code(), detail));
            count(op, failure.errorCode().code());
            log.info("Citizen {} {} for client {} officer {} on {}: failed {} after {} ms", op, exchange.id(),
                    clientId, q.officerId(), q.personalId().masked(), failure.errorCode().code(), took.toMillis());
            throw forCaller(failure, exchange.id());
        }
    }

    /**
     * What the caller is told: the code and, for a refusal, the database's reason; otherwise no more than the
     * code's meaning, since the connector's message names the hub's internals. The full message is in the
     * exchange log.
     */
    private static HubException forCaller(HubException failure, String exchangeId) {
        String detail = failure.errorCode() == ErrorCode.POPULATION_REJECTED ? failure.getMessage()
                : failure.errorCode().title();
        return new HubException(failure.errorCode(), detail + " (exchange " + exchangeId + ")");
    }

    private void answered(Call<?> call, String outcome) {
        String detail = "result=" + outcome;
        tx.executeWithoutResult(s -> exchangeLog.settle(call.exchange().id(), 1, true, call.duration(),
                ExchangeState.DELIVERED, ExchangeStep.DELIVERED, null, detail));
        count(call.op(), "ok");
        log.info("Citizen {} {} for client {} officer {} on {}: {} in {} ms", call.op(), call.exchange().id(),
                call.exchange().clientId(), call.request().officerId(), call.request().personalId().masked(),
                outcome, call.duration().toMillis());
    }

    /** Why the call is made, as the exchange log keeps it. */
    private static String purpose(PopulationRequest q) {
        return q.procedureCode() + "/" + q.dossierCode();
    }

    /** @param code the error code of a refusal or failure; {@code "ok"} for an answer */
    private void count(Operation op, String code) {
        String error = "ok".equals(code) ? null : code;
        meters.counter(HubMetrics.CITIZEN_CALLS, HubMetrics.OPERATION, op.name(),
                HubMetrics.OUTCOME, HubMetrics.outcome(error), HubMetrics.CODE, HubMetrics.code(error)).increment();
    }

    /** One call to the population database, answered or not; a call refused before it was made is not one. */
    private void timeUpstream(Operation op, Duration took, String code) {
        Timer.builder(HubMetrics.UPSTREAM_CALLS).tag(HubMetrics.FLOW, FLOW).tag(HubMetrics.CONNECTOR, "population")
                .tag(HubMetrics.OPERATION, op.name()).tag(HubMetrics.OUTCOME, HubMetrics.outcome(code))
                .tag(HubMetrics.CODE, HubMetrics.code(code))
                .publishPercentileHistogram().maximumExpectedValue(Duration.ofMinutes(2))
                .register(meters).record(took);
    }

    private static HubException hubFailure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HubException hub) {
                return hub;
            }
        }
        // not one of the connector's failures: say no more than its kind, the message may quote the reply
        return new HubException(ErrorCode.POPULATION_UNAVAILABLE,
                "The population database call failed (" + e.getClass().getSimpleName() + ")", e);
    }

    /** Replaces the name the caller asked about, wherever upstream text repeats it, by its masked form. */
    static String withoutName(String text, String fullName) {
        if (text == null || fullName == null || fullName.isBlank()) {
            return text;
        }
        String name = Normalizer.normalize(fullName.strip(), Normalizer.Form.NFC);
        return Pattern.compile(Pattern.quote(name),
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                .matcher(Normalizer.normalize(text, Normalizer.Form.NFC))
                .replaceAll(Matcher.quoteReplacement(Masking.maskName(name)));
    }
}
