#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace flowviz::wire {

// A production run as the API answers it (GET/POST /api/v1/production-runs).
struct Run
{
    QUuid id;
    QString runCode;
    RunStatus status = RunStatus::ACTIVE;
    std::optional<QUuid> operatorId;
    std::optional<QString> operatorUsername; // "operator"
    std::optional<Decimal> dailyTargetKg;
    QDateTime startedAt;
    QDateTime endedAt; // invalid while the run is open
    int lotCount = 0;
    Decimal totalKg;

    QJsonObject toJson() const;
    static Run fromJson(const QJsonObject &json);
    bool operator==(const Run &other) const = default;
};

// The body of POST /api/v1/production-runs. fromJson reads leniently (what toJson wrote); the
// server decodes requests strictly with runs::decodeCreateRun.
struct CreateRun
{
    std::optional<QUuid> id; // the server makes one when absent
    QString runCode;
    std::optional<Decimal> dailyTargetKg;

    QJsonObject toJson() const;
    static CreateRun fromJson(const QJsonObject &json);
    bool operator==(const CreateRun &other) const = default;
};

} // namespace flowviz::wire
