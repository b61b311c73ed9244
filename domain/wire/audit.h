#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace flowviz::wire {

// One record of the audit trail, as GET /api/v1/audit answers it: a row created (INSERT),
// changed (UPDATE: the old and new value of each column that changed) or removed (DELETE) in
// one of the audited tables (`entity`), named by its key (a lot code, a run code, a user
// name, ...).
struct AuditEntry
{
    qint64 id = 0;
    QDateTime at;
    std::optional<QString> actor; // the API's user; empty for a change made outside the API
    QString dbUser;
    QString action; // INSERT, UPDATE or DELETE
    QString entity;
    QString entityKey;
    std::optional<QJsonObject> oldValues; // none for INSERT
    std::optional<QJsonObject> newValues; // none for DELETE
    QString reason;

    QJsonObject toJson() const;
    static AuditEntry fromJson(const QJsonObject &o);
    bool operator==(const AuditEntry &other) const = default;
};

} // namespace flowviz::wire
