#pragma once

#include <QByteArray>
#include <QString>

#include <stdexcept>

namespace flowviz::db {

// A failed statement or a lost connection. `sqlState` is PostgreSQL's five-character code;
// `connectionLost` means the work may be retried on a fresh connection.
class DbError : public std::runtime_error
{
public:
    DbError(const QString &message, const QByteArray &sqlState, bool connectionLost,
            const QString &constraint = {})
        : std::runtime_error(message.toStdString()), m_sqlState(sqlState),
          m_connectionLost(connectionLost), m_constraint(constraint)
    {}

    const QByteArray &sqlState() const { return m_sqlState; }
    bool connectionLost() const { return m_connectionLost; }
    const QString &constraint() const { return m_constraint; }
    bool isUniqueViolation() const { return m_sqlState == "23505"; }
    bool isForeignKeyViolation() const { return m_sqlState == "23503"; }
    bool isCheckViolation() const { return m_sqlState == "23514"; }
    bool isSerializationFailure() const { return m_sqlState == "40001" || m_sqlState == "40P01"; }
    // Cancelled: the statement timeout, or a cancel request (a shutdown that stopped waiting).
    bool isCancelled() const { return m_sqlState == "57014"; }

private:
    QByteArray m_sqlState;
    bool m_connectionLost;
    QString m_constraint;
};

} // namespace flowviz::db
