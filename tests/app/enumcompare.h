#pragma once

#include "domain/enums.h"
#include "domain/temperatureprofile.h"

#include <QTest>

// QCOMPARE cannot print the domain's enums: qCompare's unqualified toString() finds
// flowviz::toString(), which returns a QString. Compare their wire names instead.
#define FV_COMPARE_ENUM(actual, expected)                                                          \
    QCOMPARE(flowviz::toString(actual), flowviz::toString(expected))
