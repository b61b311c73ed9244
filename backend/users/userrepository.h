#pragma once

#include "backend/db/pgsession.h"

#include "domain/enums.h"

#include <QUuid>

#include <optional>

namespace flowviz::users {

struct UserRecord
{
    QUuid id;
    QString username;
    QString fullName;
    Role role = Role::VIEWER;
    QByteArray passwordHash;
    bool active = true;
};

// SQL for users and the login audit.
class UserRepository
{
public:
    explicit UserRepository(db::PgSession &db) : m_db(db) {}

    std::optional<UserRecord> findByName(const QString &username);
    std::optional<UserRecord> findById(const QUuid &id);
    // findById() queued to go with the session's next round trip (PgSession::queue);
    // `check` sees the account, or none, when it is back. The account is the transaction's
    // audit actor (flowviz.actor) from then on.
    void checkById(const QUuid &id, std::function<void(const std::optional<UserRecord> &)> check);
    // Failed and successful attempts in the last minute, by client address and by user name.
    std::pair<int, int> recentAttempts(const QString &clientAddr, const QString &username);
    void recordAttempt(const QString &username, const std::optional<QUuid> &userId,
                       const QString &clientAddr, bool succeeded, const QString &reason);
    // Returns false when the name is taken.
    bool add(const QString &username, const QString &fullName, Role role, const QByteArray &hash);
    bool setPassword(const QString &username, const QByteArray &hash);
    bool setActive(const QString &username, bool active);
    bool setRole(const QString &username, Role role);

private:
    db::PgSession &m_db;
};

} // namespace flowviz::users
