#pragma once

#include "backend/http/httptypes.h"

#include "domain/validation.h"

#include <exception>

namespace flowviz::api {

// Thrown by services to end a request with a problem+json answer; inside a transaction it
// also rolls the transaction back.
class ApiError : public std::exception
{
public:
    explicit ApiError(http::Response response) : m_response(std::move(response)) {}
    const http::Response &response() const { return m_response; }
    const char *what() const noexcept override { return "api error"; }

    static ApiError validation(const FieldErrors &errors);
    static ApiError validation(const QString &field, const QString &code, const QString &message);
    static ApiError notFound(const QString &detail);
    static ApiError conflict(const QString &slug, const QString &title, const QString &detail);
    static ApiError badRequest(const QString &detail);
    static ApiError unauthorized(const QString &detail);

private:
    http::Response m_response;
};

} // namespace flowviz::api
