#include "backend/users/userrepository.h"

namespace flowviz::users {

namespace {

constexpr const char *kColumns =
    "SELECT id, username, full_name, role, password_hash, is_active FROM users ";

UserRecord fromRow(const db::PgResult &r)
{
    UserRecord u;
    u.id = r.toUuid(0, "id");
    u.username = r.text(0, "username");
    u.fullName = r.text(0, "full_name");
    u.role = roleFromString(r.text(0, "role")).value_or(Role::VIEWER);
    u.passwordHash = r.text(0, "password_hash").toUtf8();
    u.active = r.toBool(0, "is_active");
    return u;
}

} // namespace

std::optional<UserRecord> UserRepository::findByName(const QString &username)
{
    const db::PgResult r =
        m_db.exec(QByteArray(kColumns) + "WHERE lower(username) = lower($1)", {username});
    if (r.rows() == 0)
        return std::nullopt;
    return fromRow(r);
}

std::optional<UserRecord> UserRepository::findById(const QUuid &id)
{
    const db::PgResult r = m_db.exec(QByteArray(kColumns) + "WHERE id = $1::uuid", {id});
    if (r.rows() == 0)
        return std::nullopt;
    return fromRow(r);
}

void UserRepository::checkById(const QUuid &id,
                               std::function<void(const std::optional<UserRecord> &)> check)
{
    // The account also becomes the transaction's actor, whom the audit trail's triggers name
    // (migration 0007): set here, it costs no round trip of its own.
    m_db.queue("SELECT id, username, full_name, role, password_hash, is_active, "
               "set_config('flowviz.actor', id::text, true) FROM users WHERE id = $1::uuid",
               {id}, [check = std::move(check)](const db::PgResult &r) {
                   check(r.rows() == 0 ? std::nullopt : std::optional(fromRow(r)));
               });
}

std::pair<int, int> UserRepository::recentAttempts(const QString &clientAddr,
                                                   const QString &username)
{
    const db::PgResult r =
        m_db.exec("SELECT (SELECT count(*) FROM login_audit WHERE client_addr = $1 AND at > now() "
                  "- interval '1 minute') AS by_client, "
                  "       (SELECT count(*) FROM login_audit WHERE lower(username) = lower($2) AND "
                  "at > now() - interval '1 minute') AS by_user",
                  {clientAddr, username});
    return {int(r.toInt(0, "by_client")), int(r.toInt(0, "by_user"))};
}

void UserRepository::recordAttempt(const QString &username, const std::optional<QUuid> &userId,
                                   const QString &clientAddr, bool succeeded, const QString &reason)
{
    m_db.exec("INSERT INTO login_audit (username, user_id, client_addr, succeeded, reason) "
              "VALUES ($1, $2::uuid, $3, $4::boolean, $5)",
              {username.left(200), userId, clientAddr, succeeded, reason});
    if (succeeded && userId)
        m_db.exec("UPDATE users SET last_login_at = now() WHERE id = $1::uuid", {*userId});
}

bool UserRepository::add(const QString &username, const QString &fullName, Role role,
                         const QByteArray &hash)
{
    const db::PgResult r = m_db.exec("INSERT INTO users (username, full_name, role, password_hash) "
                                     "VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                                     {username, fullName, toString(role), hash});
    return r.affectedRows() == 1;
}

bool UserRepository::setPassword(const QString &username, const QByteArray &hash)
{
    const db::PgResult r = m_db.exec("UPDATE users SET password_hash = $2, updated_at = now() "
                                     "WHERE lower(username) = lower($1)",
                                     {username, hash});
    return r.affectedRows() == 1;
}

bool UserRepository::setActive(const QString &username, bool active)
{
    const db::PgResult r = m_db.exec("UPDATE users SET is_active = $2::boolean, updated_at = now() "
                                     "WHERE lower(username) = lower($1)",
                                     {username, active});
    return r.affectedRows() == 1;
}

bool UserRepository::setRole(const QString &username, Role role)
{
    const db::PgResult r = m_db.exec(
        "UPDATE users SET role = $2, updated_at = now() WHERE lower(username) = lower($1)",
        {username, toString(role)});
    return r.affectedRows() == 1;
}

} // namespace flowviz::users
