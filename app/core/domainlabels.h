#pragma once

#include "domain/enums.h"

#include <QCoreApplication>
#include <QString>

namespace flowviz::app {

// The one place that names lot statuses, lot types, QC gates and decisions for people, in the
// operator's language (the installed translation: Hungarian or English). Every page, model,
// label and report takes its words from here so that they never disagree.
class DomainLabels
{
    Q_DECLARE_TR_FUNCTIONS(DomainLabels)

public:
    // "On hold" / "Visszatartva".
    static QString lotStatus(LotStatus status);
    // "Skewer" / "Nyárs".
    static QString lotType(LotType type);
    // The QC decision, written as on the decision buttons: "HOLD" / "VISSZATARTÁS".
    static QString decision(Decision decision);
    static QString gateType(GateType type);
    // A QC gate as the operator sees it: "3. Metal detection (CCP)" or "1. Receiving".
    static QString gate(int number, const QString &name, bool isCcp);
};

} // namespace flowviz::app
