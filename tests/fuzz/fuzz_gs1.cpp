// GS1 scan parsing (app/scan/gs1parser.*): whatever a barcode scanner types into the console.
#include "app/scan/gs1parser.h"

#include "domain/validation.h"

#include "tests/fuzz/fuzzassert.h"

#include <QString>

#include <cstddef>
#include <cstdint>

using namespace flowviz;
using flowviz::app::Gs1Parser;
using flowviz::app::ScanResult;

namespace {

void checkElements(const std::optional<QList<app::Gs1Element>> &elements, const QString &problem,
                   bool separated)
{
    if (!elements) {
        FUZZ_ASSERT(!problem.isEmpty());
        return;
    }
    FUZZ_ASSERT(!elements->isEmpty());
    for (const auto &e : *elements) {
        FUZZ_ASSERT(e.ai.size() >= 2 && e.ai.size() <= 4);
        FUZZ_ASSERT(!e.value.isEmpty());
        // Element strings end variable data at a group separator. The printed "(AI)" form has
        // none: one there stays in the data, for the lot-code rule to refuse.
        if (separated)
            FUZZ_ASSERT(!e.value.contains(Gs1Parser::kGroupSeparator));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // Scanners type text; the group separator (FNC1) arrives as the control character 0x1D.
    const QString raw = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    const ScanResult r = Gs1Parser::parse(raw);
    FUZZ_ASSERT(r.raw == raw);
    FUZZ_ASSERT(rules::normalizeLotCode(r.code) == r.code);
    FUZZ_ASSERT(r.error == rules::checkLotCode(r.code, QStringLiteral("scan")));
    FUZZ_ASSERT(r.isValid() == r.errorText().isEmpty());
    if (r.format == ScanResult::Format::Gs1) {
        FUZZ_ASSERT(!r.elements.isEmpty());
        FUZZ_ASSERT(r.code == rules::normalizeLotCode(r.value(u"10")));
        FUZZ_ASSERT(r.gs1Problem.isEmpty());
    } else {
        FUZZ_ASSERT(r.elements.isEmpty());
    }

    QString problem;
    checkElements(Gs1Parser::parseElements(raw, &problem), problem, true);
    problem.clear();
    checkElements(Gs1Parser::parseBracketed(raw, &problem), problem, false);
    // Without a sink for the problem, too.
    Gs1Parser::parseElements(raw);
    Gs1Parser::parseBracketed(raw);
    return 0;
}
