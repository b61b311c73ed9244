#include "backend/api/jsontext.h"

#include <QStringList>

namespace flowviz::api {

namespace {

// A number keeps its exact value through a double when it has at most this many significant
// digits (DBL_DIG).
constexpr int kMaxSignificantDigits = 15;
// Nesting the scanner follows; the recursion stays far from the end of a thread's stack.
constexpr int kMaxDepth = 512;

class Scanner
{
public:
    explicit Scanner(const QByteArray &text) : m_text(text) {}

    FieldErrors run()
    {
        value();
        return m_errors;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }
    void skipSpace()
    {
        while (!atEnd() && (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == '\r'))
            ++m_pos;
    }

    QString path() const
    {
        QString out;
        for (const QString &part : m_path) {
            if (part.startsWith(u'['))
                out += part;
            else
                out += (out.isEmpty() ? QString() : QStringLiteral(".")) + part;
        }
        return out.isEmpty() ? QStringLiteral("body") : out;
    }

    void fail(const char *code, const QString &message)
    {
        m_errors.append({path(), QString::fromLatin1(code), message});
    }

    void value()
    {
        skipSpace();
        if (atEnd() || m_tooDeep)
            return;
        // What is not scanned is not known to be clean, so a body too deep to scan is refused
        // rather than let through: Qt's parser alone takes twice this depth.
        if (m_depth == kMaxDepth) {
            m_tooDeep = true;
            m_errors.append({QStringLiteral("body"), QStringLiteral("body.too_deep"),
                             QStringLiteral("The body is nested more than %1 levels deep. Send "
                                            "a flatter body.")
                                 .arg(kMaxDepth)});
            return;
        }
        ++m_depth;
        const char c = peek();
        if (c == '{')
            object();
        else if (c == '[')
            array();
        else if (c == '"')
            string(nullptr);
        else if (c == '-' || (c >= '0' && c <= '9'))
            number();
        else
            while (!atEnd() && peek() != ',' && peek() != '}' && peek() != ']')
                ++m_pos; // true, false, null (or a syntax error the parser reports)
        --m_depth;
    }

    void object()
    {
        ++m_pos;
        skipSpace();
        while (!atEnd() && peek() != '}') {
            QString key;
            if (peek() != '"')
                return;
            string(&key); // a problem in the name is reported at the object holding it
            m_path.append(key);
            skipSpace();
            if (peek() != ':') {
                m_path.removeLast();
                return;
            }
            ++m_pos;
            value();
            m_path.removeLast();
            skipSpace();
            if (peek() == ',')
                ++m_pos, skipSpace();
            else
                break;
        }
        if (peek() == '}')
            ++m_pos;
    }

    void array()
    {
        ++m_pos;
        skipSpace();
        int index = 0;
        while (!atEnd() && peek() != ']') {
            m_path.append(QStringLiteral("[%1]").arg(index++));
            value();
            m_path.removeLast();
            skipSpace();
            if (peek() == ',')
                ++m_pos;
            else
                break;
        }
        if (peek() == ']')
            ++m_pos;
    }

    static int hex4(const QByteArray &t, qsizetype at)
    {
        if (at + 4 > t.size())
            return -1;
        bool ok = false;
        const int v = t.mid(at, 4).toInt(&ok, 16);
        return ok ? v : -1;
    }

    // Reads a string; the key's text into `key` when given. Escapes are checked for NUL and lone
    // surrogates; invalid raw UTF-8 is refused by the JSON parser before this runs.
    void string(QString *key)
    {
        const qsizetype start = ++m_pos;
        bool nul = false;
        bool lone = false;
        while (!atEnd() && peek() != '"') {
            if (peek() == '\0')
                nul = true;
            if (peek() != '\\') {
                ++m_pos;
                continue;
            }
            const bool escaped = m_pos + 1 < m_text.size();
            const char e = escaped ? m_text.at(m_pos + 1) : '\0';
            if (e != 'u') {
                // Qt's parser takes any escaped character as itself: "\<NUL>" is a NUL too.
                if (escaped && e == '\0')
                    nul = true;
                m_pos += 2;
                continue;
            }
            const int unit = hex4(m_text, m_pos + 2);
            m_pos += 6;
            if (unit == 0)
                nul = true;
            else if (unit >= 0xDC00 && unit <= 0xDFFF)
                lone = true;
            else if (unit >= 0xD800 && unit <= 0xDBFF) {
                const bool pairFollows = m_pos + 1 < m_text.size() && m_text.at(m_pos) == '\\' &&
                                         m_text.at(m_pos + 1) == 'u';
                const int low = pairFollows ? hex4(m_text, m_pos + 2) : -1;
                if (low >= 0xDC00 && low <= 0xDFFF)
                    m_pos += 6;
                else
                    lone = true;
            }
        }
        const qsizetype end = m_pos;
        if (!atEnd())
            ++m_pos;
        if (key) {
            // Keys are compared as text; decode the simple form for the error path.
            *key = QString::fromUtf8(m_text.mid(start, end - start));
        }
        if (nul)
            fail("text.nul", QStringLiteral("%1 contains a NUL character (\\u0000), which is not "
                                            "text. Remove it.")
                                 .arg(key ? QStringLiteral("A member name") : path()));
        if (lone)
            fail("text.surrogate",
                 QStringLiteral("%1 contains a lone UTF-16 surrogate escape (such as \\ud800), "
                                "which is not a character.")
                     .arg(key ? QStringLiteral("A member name") : path()));
    }

    void number()
    {
        const qsizetype start = m_pos;
        while (!atEnd() && QByteArrayView("+-0123456789.eE").contains(peek()))
            ++m_pos;
        const QByteArray token = m_text.mid(start, m_pos - start);
        // Significant digits of the mantissa: leading zeros do not count, trailing zeros after
        // the point do not either ("12.50" keeps its value), others do.
        qsizetype mantissaEnd = token.indexOf('e');
        if (mantissaEnd < 0)
            mantissaEnd = token.indexOf('E');
        if (mantissaEnd < 0)
            mantissaEnd = token.size();
        QByteArray digits;
        const QByteArray mantissa = token.left(mantissaEnd);
        const qsizetype point = mantissa.indexOf('.');
        QByteArray whole = point < 0 ? mantissa : mantissa.left(point);
        QByteArray fraction = point < 0 ? QByteArray() : mantissa.mid(point + 1);
        if (whole.startsWith('-'))
            whole.remove(0, 1);
        while (fraction.endsWith('0'))
            fraction.chop(1);
        digits = whole + fraction;
        while (digits.startsWith('0'))
            digits.remove(0, 1);
        if (fraction.isEmpty())
            while (digits.endsWith('0'))
                digits.chop(1); // 1000000000000000000 is exact too
        bool exponentOk = true;
        if (mantissaEnd < token.size()) {
            const int exponent = token.mid(mantissaEnd + 1).toInt(&exponentOk);
            exponentOk = exponentOk && exponent > -300 && exponent < 300;
        }
        if (digits.size() > kMaxSignificantDigits || !exponentOk)
            fail("number.precision",
                 QStringLiteral("%1 is %2: it has more digits than can be kept exactly. Send at "
                                "most %3 significant digits (as the field's rules allow).")
                     .arg(path(), QString::fromLatin1(token))
                     .arg(kMaxSignificantDigits));
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
    int m_depth = 0;
    bool m_tooDeep = false;
    QStringList m_path;
    FieldErrors m_errors;
};

} // namespace

FieldErrors checkJsonText(const QByteArray &body)
{
    // Invalid UTF-8 is already refused by the parser (400), so only escapes are checked here.
    return Scanner(body).run();
}

} // namespace flowviz::api
