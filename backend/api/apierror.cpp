#include "backend/api/apierror.h"

namespace flowviz::api {

ApiError ApiError::validation(const FieldErrors &errors)
{
    QList<http::FieldProblem> list;
    for (const FieldError &e : errors)
        list.append({e.field, e.code, e.message});
    const QString detail = errors.size() == 1
                               ? errors.first().message
                               : QStringLiteral("%1 fields are invalid.").arg(errors.size());
    return ApiError(http::problem(422, QStringLiteral("validation"),
                                  QStringLiteral("The request is not valid"), detail, list));
}

ApiError ApiError::validation(const QString &field, const QString &code, const QString &message)
{
    return validation(FieldErrors{FieldError{field, code, message}});
}

ApiError ApiError::notFound(const QString &detail)
{
    return ApiError(
        http::problem(404, QStringLiteral("not-found"), QStringLiteral("Not found"), detail));
}

ApiError ApiError::conflict(const QString &slug, const QString &title, const QString &detail)
{
    return ApiError(http::problem(409, slug, title, detail));
}

ApiError ApiError::badRequest(const QString &detail)
{
    return ApiError(http::problem(400, QStringLiteral("bad-request"),
                                  QStringLiteral("The request cannot be read"), detail));
}

ApiError ApiError::unauthorized(const QString &detail)
{
    http::Response r = http::problem(401, QStringLiteral("unauthorized"),
                                     QStringLiteral("Authentication required"), detail);
    r.withHeader("WWW-Authenticate", "Bearer");
    return ApiError(std::move(r));
}

} // namespace flowviz::api
