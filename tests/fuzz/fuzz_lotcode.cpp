// Lot-code normalisation and checking (domain/validation.*): the form in which every code is
// stored, compared and printed on a label.
#include "domain/validation.h"

#include "tests/fuzz/fuzzassert.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstring>

using namespace flowviz;

namespace {

bool inAlphabet(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'_' ||
           c == u'.' || c == u'/';
}

void check(const QString &raw)
{
    const QString once = rules::normalizeLotCode(raw);
    FUZZ_ASSERT(rules::normalizeLotCode(once) == once);
    FUZZ_ASSERT(once == once.trimmed());
    for (const QChar c : once)
        FUZZ_ASSERT(!(c >= u'a' && c <= u'z'));

    const auto error = rules::checkLotCode(once);
    if (!error) {
        // Accepted: 1 to 100 characters of A-Z 0-9 - _ . / with a letter or digit among them.
        FUZZ_ASSERT(!once.isEmpty() && once.size() <= rules::kLotCodeMaxLength);
        bool alphanumeric = false;
        for (const QChar c : once) {
            FUZZ_ASSERT(inAlphabet(c));
            alphanumeric = alphanumeric || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
        }
        FUZZ_ASSERT(alphanumeric);
        // An accepted code is its own normal form: what is stored is what the client sent.
        FUZZ_ASSERT(rules::normalizeLotCode(once) == once);
    } else {
        FUZZ_ASSERT(error->field == u"lot_code" && !error->code.isEmpty() &&
                    !error->message.isEmpty());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const auto *bytes = reinterpret_cast<const char *>(data);
    // As text from a request or a scanner (UTF-8), and as raw UTF-16 so that lone surrogates
    // and every code unit reach the rules too.
    check(QString::fromUtf8(bytes, qsizetype(size)));
    QString utf16(qsizetype(size / 2), Qt::Uninitialized);
    std::memcpy(utf16.data(), data, size_t(utf16.size()) * sizeof(QChar));
    check(utf16);
    return 0;
}
