#include "backend/api/apierror.h"

#include <QJsonDocument>

namespace flowviz::api {

ApiError::ApiError(wire::Problem problem, Headers headers)
    : m_problem(std::move(problem)), m_headers(std::move(headers))
{}

http::Response ApiError::response() const
{
    http::Response r = http::Response::json(m_problem.status(), m_problem.toJson());
    r.contentType = "application/problem+json";
    r.headers = m_headers;
    return r;
}

ApiError ApiError::validation(const FieldErrors &errors)
{
    return ApiError(wire::Problem::validation(errors));
}

ApiError ApiError::validation(const QString &field, const QString &code, const QString &message)
{
    return validation(FieldErrors{FieldError{field, code, message}});
}

ApiError ApiError::notFound(const QString &detail)
{
    return ApiError(wire::Problem::notFound(detail));
}

ApiError ApiError::conflict(const QString &slug, const QString &title, const QString &detail)
{
    return ApiError(wire::Problem::conflict(slug, title, detail));
}

ApiError ApiError::badRequest(const QString &detail)
{
    return ApiError(wire::Problem::badRequest(detail));
}

ApiError ApiError::invalidParameters(const FieldErrors &errors)
{
    const QString detail =
        errors.size() == 1
            ? errors.first().message
            : QStringLiteral("%1 query parameters are invalid: %2").arg(errors.size()).arg([&] {
                  QStringList messages;
                  for (const FieldError &e : errors)
                      messages << e.message;
                  return messages.join(u' ');
              }());
    return ApiError(wire::Problem{wire::Problem::Kind::BadRequest,
                                  wire::problemtype::kInvalidParameter,
                                  QStringLiteral("Invalid query parameter"), detail, errors});
}

ApiError ApiError::unauthorized(const QString &detail)
{
    return ApiError(wire::Problem::unauthorized(detail), {{"WWW-Authenticate", "Bearer"}});
}

} // namespace flowviz::api
