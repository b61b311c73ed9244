#pragma once

#include "domain/validation.h"

#include <QJsonObject>
#include <QLatin1String>
#include <QString>

namespace flowviz::wire {

// The problem types the server answers with: the last segment of a problem's `type` URI
// (https://flowviz.dev/problems/<type>). Server and console name them from here.
namespace problemtype {
inline constexpr QLatin1String kBaseUri{"https://flowviz.dev/problems/"};

inline constexpr QLatin1String kValidation{"validation"};
inline constexpr QLatin1String kNotFound{"not-found"};
inline constexpr QLatin1String kBadRequest{"bad-request"};
inline constexpr QLatin1String kUnauthorized{"unauthorized"};
inline constexpr QLatin1String kForbidden{"forbidden"};
inline constexpr QLatin1String kInternal{"internal"};
inline constexpr QLatin1String kUnavailable{"unavailable"};
inline constexpr QLatin1String kRateLimited{"rate-limited"};
inline constexpr QLatin1String kInvalidCredentials{"invalid-credentials"};
inline constexpr QLatin1String kInvalidParameter{"invalid-parameter"};
inline constexpr QLatin1String kUnsupportedMediaType{"unsupported-media-type"};
inline constexpr QLatin1String kMethodNotAllowed{"method-not-allowed"};
inline constexpr QLatin1String kLengthRequired{"length-required"};
inline constexpr QLatin1String kPayloadTooLarge{"payload-too-large"};
inline constexpr QLatin1String kHeaderTooLarge{"header-too-large"};
inline constexpr QLatin1String kShuttingDown{"shutting-down"};
inline constexpr QLatin1String kNotReady{"not-ready"};
inline constexpr QLatin1String kPlantTimeZone{"plant-time-zone"};
inline constexpr QLatin1String kIdempotencyInProgress{"idempotency-in-progress"};
inline constexpr QLatin1String kIdempotencyKeyReused{"idempotency-key-reused"};
// Lots
inline constexpr QLatin1String kDuplicateLotCode{"duplicate-lot-code"};
inline constexpr QLatin1String kLotIdExists{"lot-id-exists"};
inline constexpr QLatin1String kRunClosed{"run-closed"};
inline constexpr QLatin1String kParentNotUsable{"parent-not-usable"};
inline constexpr QLatin1String kParentQuantityExceeded{"parent-quantity-exceeded"};
// Production runs
inline constexpr QLatin1String kDuplicateRunCode{"duplicate-run-code"};
inline constexpr QLatin1String kRunNotActive{"run-not-active"};
// QC decisions
inline constexpr QLatin1String kDecisionIdExists{"decision-id-exists"};
inline constexpr QLatin1String kSignatureReused{"signature-reused"};
} // namespace problemtype

// A failure as the server reports it (RFC 9457 problem details), free of any transport: the
// backend throws it inside api::ApiError, the console reads it from an answer.
struct Problem
{
    // The kind of failure; each maps to one HTTP status.
    enum class Kind
    {
        BadRequest,           // 400
        Unauthorized,         // 401
        Forbidden,            // 403
        NotFound,             // 404
        MethodNotAllowed,     // 405
        Conflict,             // 409
        LengthRequired,       // 411
        PayloadTooLarge,      // 413
        UnsupportedMediaType, // 415
        Validation,           // 422
        RateLimited,          // 429
        HeaderTooLarge,       // 431
        Internal,             // 500
        Unavailable,          // 503
    };

    Kind kind = Kind::BadRequest;
    QString type; // a problemtype identifier, e.g. "duplicate-lot-code"
    QString title;
    QString detail;     // left out of the JSON when empty
    FieldErrors errors; // left out of the JSON when empty

    int status() const;
    QString typeUri() const;

    static Problem validation(const FieldErrors &errors);
    static Problem notFound(const QString &detail);
    static Problem conflict(const QString &type, const QString &title, const QString &detail);
    static Problem badRequest(const QString &detail);
    static Problem unauthorized(const QString &detail);
    static Problem forbidden(const QString &detail);
    static Problem internal(const QString &detail);

    // The problem+json body, exactly as the server sends it.
    QJsonObject toJson() const;
    // Reads a problem+json body tolerantly: what is missing stays empty, an unknown status
    // becomes the nearest kind (4xx BadRequest, otherwise Internal).
    static Problem fromJson(const QJsonObject &o);
    static Kind kindForStatus(int status);

    bool operator==(const Problem &) const = default;
};

} // namespace flowviz::wire
