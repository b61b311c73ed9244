#include "backend/api/accessguard.h"

#include "backend/api/apierror.h"
#include "backend/users/userrepository.h"

#include <QStringList>

#include <algorithm>

namespace flowviz::api {

QString roleList(std::initializer_list<Role> roles)
{
    QStringList names;
    for (Role r : roles)
        names << toString(r);
    return names.join(QStringLiteral(", "));
}

void AccessGuard::requireRole(const auth::Claims &user, std::initializer_list<Role> allowed)
{
    if (allowed.size() == 0 ||
        std::find(allowed.begin(), allowed.end(), user.role) != allowed.end())
        return;
    throw ApiError(wire::Problem{wire::Problem::Kind::Forbidden,
                                 wire::problemtype::kForbidden,
                                 QStringLiteral("Not allowed"),
                                 QStringLiteral("Requires one of: %1; you are %2.")
                                     .arg(roleList(allowed), toString(user.role)),
                                 {}},
                   {{"X-Required-Roles", roleList(allowed).toLatin1()}});
}

void AccessGuard::requireActive(db::PgSession &db, const auth::Claims &user)
{
    // Rides with the request's first round trip; nothing it reads is used, and nothing is
    // committed, before the check has passed (PgSession::queue).
    users::UserRepository(db).checkById(
        user.userId, [role = user.role](const std::optional<users::UserRecord> &account) {
            if (!account || !account->active)
                throw ApiError::unauthorized(
                    QStringLiteral("This account is disabled; ask an administrator."));
            if (account->role != role)
                throw ApiError::unauthorized(
                    QStringLiteral("Your role has changed; log in again."));
        });
}

} // namespace flowviz::api
