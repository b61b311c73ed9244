#pragma once

#include "app/api/apierror.h"

#include "domain/criticallimit.h"
#include "domain/decimal.h"
#include "domain/enums.h"
#include "domain/validation.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>

namespace flowviz::app {

// The domain rules' sentences in the operator's language: the domain gives each broken rule
// a stable code and an English sentence; the console translates by the code.
class RuleMessages
{
    Q_DECLARE_TR_FUNCTIONS(RuleMessages)

public:
    static QString message(const FieldError &error);
    // Whether message() has a sentence of its own for `code` (else it gives the English one).
    static bool knows(const QString &code);
    // A refused request as sentences by field: `sentence` for the request as a whole (field
    // ""), and under each field the server named the rule's sentence, where there is one here.
    static QMap<QString, QString> forProblem(const QString &sentence, const ApiError &error);
    // "Lot X is on HOLD and cannot be used as an input. Ask QC to release it."
    static QString parentRefusal(const QString &code, LotStatus status);
    // Kept for callers outside app/registration; the words are DomainLabels::decision().
    static QString decisionName(Decision decision);
    // A canonical decimal ("12.50") written as the operator types numbers here: the locale's
    // decimal point ("12,50" in Hungarian).
    static QString asTyped(QString canonical);
    // A temperature with at least one decimal, in the UI locale: "-18,0 °C".
    static QString celsius(const Decimal &value);
    // "-18,0 °C or colder", "72,0 °C or hotter", "between 0,0 °C and 4,0 °C".
    static QString limitText(const CriticalLimit &limit);
};

} // namespace flowviz::app
