#pragma once

#include "backend/auth/jwt.h"
#include "backend/db/pgsession.h"

#include "domain/enums.h"

#include <initializer_list>

namespace flowviz::api {

// The RBAC guard: whether a caller's role may use an operation, and whether the account behind
// a token is still active with the role the token names.
class AccessGuard
{
public:
    // Throws a 403 ApiError (with X-Required-Roles) when the role is not among `allowed`; an
    // empty list allows every role.
    static void requireRole(const auth::Claims &user, std::initializer_list<Role> allowed);
    // Re-reads the user's role and active flag: a disabled user's token stops working at once.
    // Throws a 401 ApiError otherwise.
    static void requireActive(db::PgSession &db, const auth::Claims &user);
};

// The roles as a comma-separated list, for problem texts and headers.
QString roleList(std::initializer_list<Role> roles);

} // namespace flowviz::api
