#pragma once

#include "domain/enums.h"
#include "domain/validation.h"

#include <QCoreApplication>
#include <QString>

namespace flowviz::app {

// The domain rules' sentences in the operator's language: the domain gives each broken rule
// a stable code and an English sentence; the console translates by the code.
class RuleMessages
{
    Q_DECLARE_TR_FUNCTIONS(RuleMessages)

public:
    static QString message(const FieldError &error);
    // "Lot X is on HOLD and cannot be used as an input. Ask QC to release it."
    static QString parentRefusal(const QString &code, LotStatus status);
    // The operator's word for a lot status ("On HOLD" / "Zárolva").
    static QString statusName(LotStatus status);
    static QString decisionName(Decision decision);
};

} // namespace flowviz::app
