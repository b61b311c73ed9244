#pragma once

#include "backend/api/apicontext.h"

#include <initializer_list>

namespace flowviz::api {

// The RBAC matrix, one place.
inline constexpr std::initializer_list<Role> kAnyRole = {};
inline constexpr std::initializer_list<Role> kCanCreateLots = {Role::ADMIN, Role::MANAGER,
                                                               Role::OPERATOR};
inline constexpr std::initializer_list<Role> kCanDecideQc = {Role::ADMIN, Role::MANAGER,
                                                             Role::AUDITOR, Role::OPERATOR};
inline constexpr std::initializer_list<Role> kCanManageRuns = {Role::ADMIN, Role::MANAGER};
inline constexpr std::initializer_list<Role> kCanManageSuppliers = {Role::ADMIN, Role::MANAGER};
inline constexpr std::initializer_list<Role> kCanManageCustomers = {Role::ADMIN, Role::MANAGER};
// Dispatch staff build shipments; the CCP review before shipping is a supervisor's signature.
inline constexpr std::initializer_list<Role> kCanShip = {Role::ADMIN, Role::MANAGER,
                                                         Role::OPERATOR};
inline constexpr std::initializer_list<Role> kCanReviewCcp = {Role::ADMIN, Role::MANAGER};
// A recall puts lots on HOLD across the plant: a manager's decision; auditors read them.
inline constexpr std::initializer_list<Role> kCanRecall = {Role::ADMIN, Role::MANAGER};
inline constexpr std::initializer_list<Role> kCanReadRecalls = {Role::ADMIN, Role::MANAGER,
                                                                Role::AUDITOR};
// Anyone who can write something: lots or QC decisions.
inline constexpr std::initializer_list<Role> kCanWrite = kCanDecideQc;

// Path parameters follow the body's rules: a NUL or a lone surrogate ("CODE%00XYZ") is refused
// with 422 rather than cut off or looked up as another code.
void checkPathParameters(const http::Request &request);
// A list's ?limit=1..500 (100 when absent); a wrong one adds its error to `errors`.
int listLimit(const http::Request &request, FieldErrors &errors);

// Wraps a handler so that an ApiError thrown before any async work (auth, body parsing)
// becomes its problem response.
template <typename F> http::Handler guarded(F f)
{
    return [f = std::move(f)](const http::Request &req, http::Responder respond) {
        try {
            checkPathParameters(req);
            f(req, respond);
        } catch (const ApiError &e) {
            respond(e.response());
        }
    };
}

} // namespace flowviz::api
