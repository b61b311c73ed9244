#pragma once

#include "backend/http/httptypes.h"

#include "domain/validation.h"
#include "domain/wire/problem.h"

#include <exception>

namespace flowviz::api {

// Thrown by services to end a request with a problem+json answer; inside a transaction it
// also rolls the transaction back. It carries a transport-neutral wire::Problem; only
// response() speaks HTTP.
class ApiError : public std::exception
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit ApiError(wire::Problem problem, Headers headers = {});

    const wire::Problem &problem() const { return m_problem; }
    // The problem+json answer, with the headers the error asked for.
    http::Response response() const;
    const char *what() const noexcept override { return "api error"; }

    static ApiError validation(const FieldErrors &errors);
    static ApiError validation(const QString &field, const QString &code, const QString &message);
    static ApiError notFound(const QString &detail);
    static ApiError conflict(const QString &slug, const QString &title, const QString &detail);
    static ApiError badRequest(const QString &detail);
    // 400 for query parameters, every problem found at once in errors[].
    static ApiError invalidParameters(const FieldErrors &errors);
    static ApiError unauthorized(const QString &detail);

private:
    wire::Problem m_problem;
    Headers m_headers;
};

} // namespace flowviz::api
