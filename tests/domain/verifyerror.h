#pragma once

#include "domain/validation.h"

#include <QTest>

namespace flowviz::test {

// Checks an optional rule error against the expected code (empty: no error) and field.
inline void verifyError(const std::optional<FieldError> &e, const QString &code,
                        const QString &field)
{
    if (code.isEmpty()) {
        QVERIFY2(!e.has_value(), e ? qPrintable(e->code + QStringLiteral(": ") + e->message) : "");
        return;
    }
    QVERIFY2(e.has_value(), qPrintable(QStringLiteral("expected ") + code));
    QCOMPARE(e->code, code);
    QCOMPARE(e->field, field);
    QVERIFY(!e->message.isEmpty());
}

} // namespace flowviz::test
