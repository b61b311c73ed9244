#pragma once

#include <QList>
#include <QString>

namespace flowviz::app {

// A failed API call, classified so callers can decide: retry later, ask the operator to fix
// something, or ask them to log in again.
struct ApiError
{
    enum class Kind
    {
        None,
        Network,      // no connection (refused, DNS, reset)
        Timeout,      // no answer in time
        Tls,          // certificate or handshake problem
        Unauthorized, // 401: log in again
        Forbidden,    // 403
        NotFound,     // 404
        Validation,   // 400, 413, 415, 422
        Conflict,     // 409
        RateLimited,  // 429
        Unavailable,  // 503
        Server,       // other 5xx
        BadResponse,  // an answer that is not what the API promises
    };
    struct FieldProblem
    {
        QString field;
        QString code;
        QString message;
    };

    Kind kind = Kind::None;
    int status = 0;
    QString type; // RFC 9457 problem type
    QString title;
    QString detail; // the server's sentence, English
    QList<FieldProblem> fieldErrors;
    int retryAfterSeconds = 0;

    bool isError() const { return kind != Kind::None; }
    // Worth trying again later unchanged: the server or the network was the problem.
    bool isTransient() const;
    // The server refused this request for a reason a retry cannot fix.
    bool isRejection() const;
    QString summary() const; // one line for logs and the outbox's last_error
};

} // namespace flowviz::app
