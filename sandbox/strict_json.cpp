#include "sandbox/strict_json.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <set>

namespace facepos::sandbox {

namespace {

constexpr int kMaxDepth = 16;
constexpr int kMaxIntegerDigits = 16;             // 2^53 − 1 = 9007199254740991 has 16 digits
constexpr qint64 kMaxInteger = 9007199254740991;  // 2^53 − 1

class Scanner {
public:
    explicit Scanner(QByteArrayView text) : m_text(text) {}

    // Empty on success, else the reason.
    QString run() {
        skipSpace();
        if (!value(0)) return m_error;
        skipSpace();
        if (m_pos != m_text.size()) return QStringLiteral("trailing characters after the JSON value");
        return {};
    }

private:
    bool fail(const QString& why) {
        if (m_error.isEmpty()) m_error = why;
        return false;
    }
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[m_pos]; }
    void skipSpace() {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r')) ++m_pos;
    }

    bool value(int depth) {
        switch (peek()) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"': {
                QByteArray ignored;
                return string(ignored);
            }
            case 't':
                return literal("true");
            case 'f':
                return literal("false");
            case 'n':
                return literal("null");
            default:
                return number();
        }
    }

    bool object(int depth) {
        std::set<QByteArray> keys;
        return members(depth, '}', [&] {
            if (peek() != '"') return fail(QStringLiteral("object key expected"));
            QByteArray key;
            if (!string(key)) return false;
            if (!keys.insert(key).second) {
                return fail(QStringLiteral("duplicate key \"%1\"").arg(QString::fromUtf8(key)));
            }
            skipSpace();
            if (peek() != ':') return fail(QStringLiteral("':' expected"));
            ++m_pos;
            skipSpace();
            return value(depth);
        });
    }

    bool array(int depth) {
        return members(depth, ']', [&] { return value(depth); });
    }

    // Objects and arrays share their framing: the opening bracket at m_pos, members separated by commas with
    // optional white space around them, and `close`. `member` parses one member, starting on its first character.
    template <typename ParseMember>
    bool members(int depth, char close, ParseMember member) {
        if (depth > kMaxDepth) return fail(QStringLiteral("nesting deeper than 16 levels"));
        ++m_pos;
        skipSpace();
        if (peek() == close) {
            ++m_pos;
            return true;
        }
        for (;;) {
            skipSpace();
            if (!member()) return false;
            skipSpace();
            if (peek() == ',') {
                ++m_pos;
                continue;
            }
            if (peek() == close) {
                ++m_pos;
                return true;
            }
            return fail(QStringLiteral("',' or '%1' expected").arg(QLatin1Char(close)));
        }
    }

    // Keys are compared in their raw (escaped) spelling: a sender that escapes one of two equal keys differently
    // is not worth a full decoder here; QJsonDocument still rejects bad escapes afterwards.
    bool string(QByteArray& raw) {
        const qsizetype start = ++m_pos;
        while (!atEnd()) {
            const char c = peek();
            if (c == '"') {
                raw = m_text.sliced(start, m_pos - start).toByteArray();
                ++m_pos;
                return true;
            }
            if (c == '\\') {
                m_pos += 2;
                continue;
            }
            if (static_cast<unsigned char>(c) < 0x20) return fail(QStringLiteral("control character in a string"));
            ++m_pos;
        }
        return fail(QStringLiteral("unterminated string"));
    }

    bool literal(const char* word) {
        const QByteArrayView expected(word);
        if (m_text.sliced(m_pos).startsWith(expected)) {
            m_pos += expected.size();
            return true;
        }
        return fail(QStringLiteral("invalid literal"));
    }

    bool number() {
        const qsizetype start = m_pos;
        if (peek() == '-') ++m_pos;
        if (atEnd() || peek() < '0' || peek() > '9') return fail(QStringLiteral("unexpected character"));
        if (peek() == '0') {
            ++m_pos;
            if (!atEnd() && peek() >= '0' && peek() <= '9') return fail(QStringLiteral("number with a leading zero"));
        } else {
            while (!atEnd() && peek() >= '0' && peek() <= '9') ++m_pos;
        }
        if (peek() == '.' || peek() == 'e' || peek() == 'E') {
            return fail(QStringLiteral("non-integer number (the API uses integers only)"));
        }
        const QByteArrayView digits = m_text.sliced(start, m_pos - start);
        const qsizetype count = digits.size() - (digits.startsWith('-') ? 1 : 0);
        if (count > kMaxIntegerDigits || std::abs(digits.toLongLong()) > kMaxInteger) {
            return fail(QStringLiteral("integer beyond ±(2^53 − 1)"));
        }
        return true;
    }

    QByteArrayView m_text;
    qsizetype m_pos = 0;
    QString m_error;
};

Error malformed(const QString& detail) {
    return makeError(QStringLiteral("json.malformed"), detail);
}

}  // namespace

Result<QJsonObject> parseStrictJsonObject(QByteArrayView body) {
    if (body.startsWith("\xEF\xBB\xBF")) return malformed(QStringLiteral("byte-order mark before the JSON object"));
    if (const QString problem = Scanner(body).run(); !problem.isEmpty()) return malformed(problem);
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(body.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError) return malformed(error.errorString());
    if (!document.isObject()) return malformed(QStringLiteral("the body is not a JSON object"));
    return document.object();
}

}  // namespace facepos::sandbox
