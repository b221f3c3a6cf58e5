package io.signdx.policy.internal.rule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses a "filter for devices" rule, the dynamic-membership rule syntax as Conditional Access accepts
 * it: {@code device.<property> <operator> <value>} comparisons joined by {@code -and}, {@code -or} and
 * {@code -not}, with parentheses. Precedence, highest first: comparisons, {@code -not}, {@code -and},
 * {@code -or}. Operators may be written with or without their hyphen and in any case; strings are in
 * double quotes (a backtick escapes a quote) or single quotes (two single quotes stand for one);
 * {@code True}, {@code False} and {@code null} need no quotes; lists are {@code ["a","b"]}.
 *
 * <p>Every error names the column (1-based) where the parser stopped, e.g.
 * {@code unknown operator -eqq at column 21}. The rule text is attacker-controlled: the parser never
 * recurses deeper than {@link #MAX_DEPTH} and never reads a rule longer than Entra accepts.
 */
public final class RuleParser {
    /** The longest rule Entra accepts for a filter for devices. */
    public static final int MAX_LENGTH = 3072;
    /** Nesting limit for parentheses and -not, far above any real rule, so hostile input cannot overflow the stack. */
    static final int MAX_DEPTH = 100;

    private final String text;
    private final List<Token> tokens;
    private final Set<DeviceProperty> used = new LinkedHashSet<>();
    private int pos;
    private int depth;

    private RuleParser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /** Parses a rule; never throws. */
    public static ParsedRule parse(String text) {
        if (text == null || text.isBlank()) {
            return new ParsedRule(text, null, "the rule is empty", List.of());
        }
        if (text.length() > MAX_LENGTH) {
            return new ParsedRule(text, null, "the rule is " + text.length() + " characters long; a filter for devices allows at most "
                    + MAX_LENGTH, List.of());
        }
        try {
            RuleParser p = new RuleParser(text, lex(text));
            RuleNode root = p.parseAll();
            return new ParsedRule(text, root, null, List.copyOf(p.used));
        } catch (RuleSyntaxException e) {
            return new ParsedRule(text, null, e.getMessage(), List.of());
        }
    }

    // ---- lexer ------------------------------------------------------------------------------------

    private enum Kind {
        LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, STRING, WORD, END
    }

    private record Token(Kind kind, String text, int column) {
        String show() {
            return switch (kind) {
                case STRING -> "\"" + abbreviate(text) + "\"";
                case END -> "the end of the rule";
                default -> abbreviate(text);
            };
        }
    }

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int col = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',') {
                Kind k = c == '(' ? Kind.LPAREN : c == ')' ? Kind.RPAREN : c == '[' ? Kind.LBRACKET
                        : c == ']' ? Kind.RBRACKET : Kind.COMMA;
                out.add(new Token(k, String.valueOf(c), col));
                i++;
            } else if (c == '"' || c == '\'') {
                i = string(s, i, out);
            } else if (c == '\u201c' || c == '\u201d' || c == '\u2018' || c == '\u2019') {
                throw new RuleSyntaxException("curly quote at column " + col + ": write strings in straight double quotes (\")");
            } else if (isDash(c) || isWordChar(c)) {
                int j = i + 1;
                while (j < n && (isWordChar(s.charAt(j)) || s.charAt(j) == '-')) {
                    j++;
                }
                String word = s.substring(i, j);
                // documents often show an en dash (–eq) where the syntax wants a hyphen
                out.add(new Token(Kind.WORD, isDash(c) ? "-" + word.substring(1) : word, col));
                i = j;
            } else if (c == '=' || c == '!' || c == '<' || c == '>') {
                throw new RuleSyntaxException("unexpected character '" + c + "' at column " + col
                        + ": operators are written -eq, -ne, -startsWith …");
            } else {
                throw new RuleSyntaxException("unexpected character '" + printable(c) + "' at column " + col);
            }
        }
        out.add(new Token(Kind.END, "", n + 1));
        return out;
    }

    private static int string(String s, int start, List<Token> out) {
        char quote = s.charAt(start);
        StringBuilder b = new StringBuilder();
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (quote == '"' && c == '`' && i + 1 < s.length()) {
                b.append(s.charAt(i + 1));
                i += 2;
            } else if (c == quote && quote == '\'' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                b.append('\'');
                i += 2;
            } else if (c == quote) {
                out.add(new Token(Kind.STRING, b.toString(), start + 1));
                return i + 1;
            } else {
                b.append(c);
                i++;
            }
        }
        throw new RuleSyntaxException("unterminated string starting at column " + (start + 1));
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u2013' || c == '\u2014';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '$' || c == ':';
    }

    // ---- parser -----------------------------------------------------------------------------------

    private RuleNode parseAll() {
        RuleNode root = parseOr();
        Token t = peek();
        if (t.kind != Kind.END) {
            if (t.kind == Kind.RPAREN) {
                throw error("unexpected ) at column " + t.column + " (no ( is open)");
            }
            throw error("expected -and or -or at column " + t.column + ", found " + t.show());
        }
        return root;
    }

    private RuleNode parseOr() {
        RuleNode left = parseAnd();
        while (isWord(peek(), "or")) {
            next();
            left = new RuleNode.Or(left, parseAnd());
        }
        return left;
    }

    private RuleNode parseAnd() {
        RuleNode left = parseNot();
        while (isWord(peek(), "and")) {
            next();
            left = new RuleNode.And(left, parseNot());
        }
        return left;
    }

    private RuleNode parseNot() {
        if (isWord(peek(), "not")) {
            Token not = next();
            enter(not);
            try {
                return new RuleNode.Not(parseNot());
            } finally {
                depth--;
            }
        }
        return parsePrimary();
    }

    private RuleNode parsePrimary() {
        Token t = peek();
        switch (t.kind) {
            case LPAREN -> {
                next();
                enter(t);
                try {
                    RuleNode inner = parseOr();
                    Token close = peek();
                    if (close.kind == Kind.END) {
                        throw error("missing ) for the ( at column " + t.column);
                    }
                    if (close.kind != Kind.RPAREN) {
                        throw error("expected ) at column " + close.column + ", found " + close.show());
                    }
                    next();
                    return inner;
                } finally {
                    depth--;
                }
            }
            case RPAREN -> throw error("unexpected ) at column " + t.column + " (a condition was expected)");
            case END -> throw error("expected a condition at column " + t.column + ", found the end of the rule");
            case WORD -> {
                return parseComparison();
            }
            default -> throw error("expected a condition such as device.trustType -eq \"AzureAD\" at column "
                    + t.column + ", found " + t.show());
        }
    }

    private RuleNode parseComparison() {
        Token prop = next();
        DeviceProperty property = property(prop);
        Token opToken = peek();
        if (opToken.kind != Kind.WORD) {
            throw error("expected an operator after " + prop.text + " at column " + opToken.column + ", found "
                    + opToken.show());
        }
        next();
        Operator op = operator(opToken, prop);
        if (op == Operator.MATCH || op == Operator.NOT_MATCH) {
            throw error("operator " + op.text() + " at column " + opToken.column
                    + " is not supported by filters for devices");
        }
        if (!property.supports(op)) {
            throw error("operator " + op.text() + " at column " + opToken.column + " is not supported for device."
                    + property.propertyName() + " (supported: " + property.operators().stream().map(Operator::text)
                            .collect(Collectors.joining(", ")) + ")");
        }
        used.add(property);
        if (op == Operator.IN || op == Operator.NOT_IN) {
            return new RuleNode.Comparison(property, op, null, list(op, opToken));
        }
        return new RuleNode.Comparison(property, op, value(property, op, opToken), List.of());
    }

    private DeviceProperty property(Token t) {
        String w = t.text;
        String lower = w.toLowerCase(Locale.ROOT);
        if (w.startsWith("-")) {
            throw error("expected a property before " + w + " at column " + t.column);
        }
        if (lower.startsWith("user.")) {
            throw error("filters for devices read device properties only: " + abbreviate(w) + " at column " + t.column);
        }
        if (!lower.startsWith("device.")) {
            throw error("expected a property such as device.trustType at column " + t.column + ", found " + t.show());
        }
        String name = w.substring("device.".length());
        DeviceProperty p = DeviceProperty.byName(name);
        if (p == null) {
            DeviceProperty alias = DeviceProperty.groupRuleAlias(name);
            throw error("unknown property " + abbreviate(w) + " at column " + t.column
                    + (alias == null ? "" : " (filters for devices call it device." + alias.propertyName() + ")"));
        }
        return p;
    }

    private Operator operator(Token t, Token prop) {
        String lower = t.text.toLowerCase(Locale.ROOT);
        if (lower.equals("-any") || lower.equals("-all") || lower.equals("any") || lower.equals("all")) {
            throw error("operator " + t.text + " at column " + t.column + " is not supported by filters for devices");
        }
        Operator op = Operator.byName(t.text);
        if (op != null) {
            return op;
        }
        if (t.text.startsWith("-")) {
            throw error("unknown operator " + abbreviate(t.text) + " at column " + t.column);
        }
        throw error("expected an operator after " + abbreviate(prop.text) + " at column " + t.column + ", found "
                + t.show());
    }

    private String value(DeviceProperty property, Operator op, Token opToken) {
        Token t = peek();
        if (t.kind == Kind.LBRACKET) {
            throw error("a list at column " + t.column + " needs -in or -notIn, not " + op.text());
        }
        if (t.kind == Kind.STRING) {
            next();
            if (property.kind() == DeviceProperty.Kind.BOOLEAN && !isBoolean(t.text)) {
                throw error("device." + property.propertyName() + " takes True or False, not " + t.show() + " (column "
                        + t.column + ")");
            }
            return t.text;
        }
        if (t.kind != Kind.WORD || isLogical(t)) {
            throw error("expected a value after " + op.text() + " at column " + t.column + ", found " + t.show());
        }
        next();
        String w = t.text;
        if (w.equalsIgnoreCase("null") || w.equalsIgnoreCase("$null")) {
            if (op != Operator.EQ && op != Operator.NE) {
                throw error("null at column " + t.column + " can only be compared with -eq or -ne");
            }
            return null;
        }
        if (isBoolean(w)) {
            return w;
        }
        if (property.kind() == DeviceProperty.Kind.BOOLEAN) {
            throw error("device." + property.propertyName() + " takes True or False, not " + t.show() + " (column "
                    + t.column + ")");
        }
        if (w.chars().allMatch(c -> Character.isDigit(c) || c == '.') && Character.isDigit(w.charAt(0))) {
            return w;
        }
        throw error("expected a value after " + opToken.text + " at column " + t.column
                + ": put text in double quotes, e.g. \"" + abbreviate(w) + "\"");
    }

    private List<String> list(Operator op, Token opToken) {
        Token open = peek();
        if (open.kind != Kind.LBRACKET) {
            throw error("expected a list such as [\"a\",\"b\"] after " + opToken.text + " at column " + open.column
                    + ", found " + open.show());
        }
        next();
        List<String> values = new ArrayList<>();
        if (peek().kind == Kind.RBRACKET) {
            next();
            return values;
        }
        while (true) {
            Token v = peek();
            if (v.kind == Kind.END) {
                throw error("missing ] for the [ at column " + open.column);
            }
            if (v.kind != Kind.STRING) {
                throw error("expected a string in double quotes at column " + v.column + " in the list after "
                        + op.text() + ", found " + v.show());
            }
            next();
            values.add(v.text);
            Token sep = peek();
            if (sep.kind == Kind.COMMA) {
                next();
            } else if (sep.kind == Kind.RBRACKET) {
                next();
                return values;
            } else if (sep.kind == Kind.END) {
                throw error("missing ] for the [ at column " + open.column);
            } else {
                throw error("expected , or ] at column " + sep.column + ", found " + sep.show());
            }
        }
    }

    private void enter(Token t) {
        if (++depth > MAX_DEPTH) {
            throw error("the rule nests deeper than " + MAX_DEPTH + " levels at column " + t.column);
        }
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind != Kind.END) {
            pos++;
        }
        return t;
    }

    private static boolean isWord(Token t, String logical) {
        if (t.kind != Kind.WORD) {
            return false;
        }
        String w = t.text.startsWith("-") ? t.text.substring(1) : t.text;
        return w.equalsIgnoreCase(logical);
    }

    private static boolean isLogical(Token t) {
        return isWord(t, "and") || isWord(t, "or") || isWord(t, "not") || Operator.byName(t.text) != null
                && t.text.startsWith("-");
    }

    private static boolean isBoolean(String w) {
        return w.equalsIgnoreCase("true") || w.equalsIgnoreCase("false");
    }

    private RuleSyntaxException error(String message) {
        return new RuleSyntaxException(message);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }

    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    /** A syntax error; the message names the column. */
    static final class RuleSyntaxException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RuleSyntaxException(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    public String toString() {
        return "RuleParser[" + abbreviate(text) + "]";
    }
}
