package io.signdx.console.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.signdx.api.model.SignIn;
import io.signdx.api.source.Page;
import io.signdx.api.source.SignInQuery;
import io.signdx.api.source.SignInSource;
import io.signdx.console.internal.json.SignInJson;

/**
 * The search behind {@code GET /api/signins}: the Define step's criteria turned into a {@link SignInQuery}
 * that the store answers with its indexes. The store orders newest first with flagged sign-ins first;
 * other orders are sorted here, for result sets up to a bound, and "failure" (which excludes the
 * interrupted codes, a filter the query cannot express) is applied while paging through the store.
 */
final class SignInSearch {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final int CHUNK = 1000;
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final List<String> SORTS = List.of("time", "user", "app", "status");

    /** What the caller asked for, validated. */
    record Request(SignInQuery query, String status, String sort, int offset, int limit, String matchedAs) {
    }

    /** One page of the answer. */
    record Result(long total, int offset, int limit, List<SignIn> items, String matchedAs) {
    }

    private final SignInSource source;
    private final int maxSorted;

    SignInSearch(SignInSource source, int maxSorted) {
        this.source = source;
        this.maxSorted = maxSorted;
    }

    /**
     * Parses the query parameters.
     *
     * @throws IllegalArgumentException naming the parameter that is wrong
     */
    Request parse(Map<String, String[]> params) {
        SignInQuery q = SignInQuery.all();
        String user = one(params, "user");
        if (user != null) {
            q = q.withUser(user);
        }
        String app = one(params, "app");
        if (app != null) {
            q = q.withApp(app);
        }
        String correlation = one(params, "correlationId");
        if (correlation != null) {
            q = q.withCorrelationId(correlation);
        }
        String request = one(params, "requestId");
        if (request != null) {
            q = q.withRequestId(request);
        }
        String at = one(params, "at");
        String window = one(params, "window");
        if (window != null && at == null) {
            throw new IllegalArgumentException("window needs at");
        }
        if (at != null) {
            q = q.around(instant(at), window(window == null ? "48h" : window).dividedBy(2));
        }
        String status = one(params, "status");
        if (status != null) {
            switch (status) {
                case "success" -> q = q.withStatus(SignInQuery.StatusFilter.SUCCESS);
                case "failure" -> q = q.withStatus(SignInQuery.StatusFilter.FAILURE);
                case "interrupted" -> q = q.withErrorCodes(SignInJson.INTERRUPT_CODES);
                default -> throw new IllegalArgumentException("status must be success, failure or interrupted");
            }
        }
        String flagged = one(params, "flagged");
        if (flagged != null && !flagged.equals("true") && !flagged.equals("false")) {
            throw new IllegalArgumentException("flagged must be true or false");
        }
        q = q.withFlaggedOnly("true".equals(flagged));
        String sort = one(params, "sort") == null ? "-time" : one(params, "sort");
        if (!SORTS.contains(sort.startsWith("-") ? sort.substring(1) : sort)) {
            throw new IllegalArgumentException("sort must be time, user, app or status, with - for descending");
        }
        int offset = number(params, "offset", 0, 0, 10_000_000);
        int limit = number(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        String matchedAs = null;
        String text = one(params, "q");
        if (text != null) {
            Detected d = detect(text, q);
            q = d.query();
            matchedAs = d.as();
        }
        return new Request(q, status, sort, offset, limit, matchedAs);
    }

    private record Detected(SignInQuery query, String as) {
    }

    /**
     * What free text means: an id is tried as request id, correlation id, user id and app id in turn; a
     * name with @ is a user; other text a user's or app's name. The first reading that finds something
     * wins; with none, the first reading stands (and finds nothing).
     */
    private Detected detect(String text, SignInQuery q) {
        List<String> order = GUID.matcher(text).matches() ? List.of("requestId", "correlationId", "user", "app")
                : text.contains("@") ? List.of("user") : List.of("user", "app");
        Detected first = null;
        for (String as : order) {
            SignInQuery candidate = switch (as) {
                case "requestId" -> q.withRequestId(text);
                case "correlationId" -> q.withCorrelationId(text);
                case "user" -> q.withUser(text);
                default -> q.withApp(text);
            };
            Detected d = new Detected(candidate, as);
            if (first == null) {
                first = d;
            }
            if (order.size() == 1 || source.count(candidate.withPage(0, 1)) > 0) {
                return d;
            }
        }
        return first;
    }

    /**
     * Runs the search.
     *
     * @throws IllegalArgumentException when a sort other than newest first would need more than the bound in memory
     */
    Result run(Request r) {
        SignInQuery q = r.query();
        boolean excludeInterrupts = "failure".equals(r.status());
        long total = source.count(q);
        if (excludeInterrupts && total > 0) {
            total -= source.count(q.withErrorCodes(SignInJson.INTERRUPT_CODES));
        }
        if (r.sort().equals("-time") && !excludeInterrupts) {
            Page<SignIn> page = source.query(q.withPage(r.offset(), r.limit()));
            return new Result(total, r.offset(), r.limit(), page.items(), r.matchedAs());
        }
        if (r.sort().equals("-time")) {
            return new Result(total, r.offset(), r.limit(), scan(q, r.offset(), r.limit()), r.matchedAs());
        }
        if (total > maxSorted) {
            throw new IllegalArgumentException(total + " sign-ins match: sorting by " + r.sort() + " works for up to "
                    + maxSorted + "; narrow the search (user, app, time window) or sort by -time");
        }
        List<SignIn> all = scan(q, 0, maxSorted);
        all.sort(comparator(r.sort()));
        List<SignIn> page = r.offset() >= all.size() ? List.of()
                : all.subList(r.offset(), Math.min(all.size(), r.offset() + r.limit()));
        return new Result(total, r.offset(), r.limit(), List.copyOf(page), r.matchedAs());
    }

    /** Pages through the store in its order, leaving out interrupted sign-ins when the query is for failures. */
    private List<SignIn> scan(SignInQuery q, int skip, int want) {
        boolean excludeInterrupts = q.status() == SignInQuery.StatusFilter.FAILURE;
        List<SignIn> out = new ArrayList<>();
        int skipped = 0;
        for (int offset = 0;; offset += CHUNK) {
            Page<SignIn> page = source.query(q.withPage(offset, CHUNK));
            for (SignIn s : page.items()) {
                if (excludeInterrupts && SignInJson.INTERRUPT_CODES.contains(s.errorCode())) {
                    continue;
                }
                if (skipped < skip) {
                    skipped++;
                } else if (out.size() < want) {
                    out.add(s);
                } else {
                    return out;
                }
            }
            if (page.items().size() < CHUNK) {
                return out;
            }
        }
    }

    /** Flagged sign-ins first, then the key, then newest first. */
    static Comparator<SignIn> comparator(String sort) {
        boolean descending = sort.startsWith("-");
        String key = descending ? sort.substring(1) : sort;
        Comparator<SignIn> byKey = switch (key) {
            case "time" -> Comparator.comparing(SignIn::createdDateTime, Comparator.nullsLast(Comparator.naturalOrder()));
            case "user" -> text(s -> s.userPrincipalName() != null ? s.userPrincipalName() : s.userDisplayName());
            case "app" -> text(s -> s.appDisplayName() != null ? s.appDisplayName() : s.appId());
            default -> Comparator.comparing(SignInJson::status);
        };
        if (descending) {
            byKey = byKey.reversed();
        }
        Comparator<SignIn> newestFirst = Comparator.comparing(SignIn::createdDateTime,
                Comparator.nullsLast(Comparator.<Instant>reverseOrder()));
        return Comparator.comparing((SignIn s) -> !s.flaggedForReview()).thenComparing(byKey).thenComparing(newestFirst);
    }

    private static Comparator<SignIn> text(Function<SignIn, String> f) {
        return Comparator.comparing(s -> f.apply(s) == null ? null : f.apply(s).toLowerCase(Locale.ROOT),
                Comparator.nullsLast(Comparator.naturalOrder()));
    }

    static String one(Map<String, String[]> params, String name) {
        String[] v = params.get(name);
        if (v == null || v.length == 0 || v[0].isBlank()) {
            return null;
        }
        if (v[0].length() > 512) {
            throw new IllegalArgumentException(name + " is too long");
        }
        return v[0].trim();
    }

    static int number(Map<String, String[]> params, String name, int dflt, int min, int max) {
        String v = one(params, name);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
        }
    }

    /** "2026-11-17T12:00:00Z", or a date alone meaning its midnight UTC. */
    static Instant instant(String text) {
        try {
            return Instant.parse(text.length() == 10 ? text + "T00:00:00Z" : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a time must look like 2026-11-17T12:00:00Z, not " + text);
        }
    }

    /** "48h", "90m", "2d" as a duration, at most ten years. */
    static Duration window(String text) {
        try {
            long n = Long.parseLong(text.substring(0, text.length() - 1));
            Duration d = switch (Character.toLowerCase(text.charAt(text.length() - 1))) {
                case 'd' -> Duration.ofDays(n);
                case 'h' -> Duration.ofHours(n);
                case 'm' -> Duration.ofMinutes(n);
                default -> throw new NumberFormatException();
            };
            if (d.isNegative() || d.isZero() || d.toDays() > 3650) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException | StringIndexOutOfBoundsException | ArithmeticException e) {
            throw new IllegalArgumentException("window must look like 48h, 90m or 2d, not " + text);
        }
    }
}
