#pragma once

#include "domain/decimal.h"
#include "domain/enums.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QUuid>

#include <optional>

namespace flowviz::wire {

// The critical limit (of temperature_c) in force when a decision was made.
struct DecisionLimit
{
    std::optional<Decimal> minC;
    std::optional<Decimal> maxC;
    bool operator==(const DecisionLimit &other) const = default;
};

// The verified electronic signature stored with a decision.
struct DecisionSignature
{
    QString signer; // user name
    QString signerName;
    QUuid keyId;
    std::optional<QString> meaning;
    QDateTime signedAt;
    QDateTime clientSignedAt;
    QByteArray recordHash; // raw SHA-256; hex on the wire
    QByteArray value;      // raw Ed25519 signature; base64 on the wire
    bool operator==(const DecisionSignature &other) const = default;
};

// A recorded QC decision as the API answers it (POST /api/v1/qc-decisions,
// GET /api/v1/lots/{lot_code}/qc-decisions).
struct Decision
{
    QUuid id;
    QUuid lotId;
    QString lotCode;
    int qcGateId = 0;
    int gateNumber = 0;
    bool isCcp = false;
    flowviz::Decision decision = flowviz::Decision::PASS;
    QString notes;
    std::optional<Decimal> temperatureC;
    std::optional<QString> correctiveAction;
    bool deviation = false;
    std::optional<DecisionLimit> criticalLimit;
    std::optional<DecisionSignature> signature;
    std::optional<QString> digitalSignature; // display text of the signature
    std::optional<QString> signatureMeaning;
    QDateTime signedAt;
    QUuid operatorId;
    QString operatorUsername; // "operator"
    QString operatorName;
    std::optional<QString> workstationId;
    QDateTime decidedAt;
    QDateTime recordedAt;
    bool clientTimeFlagged = false;
    // The lot's status after the decision: only in the answer to recording one.
    std::optional<LotStatus> lotStatus;

    QJsonObject toJson() const;
    static Decision fromJson(const QJsonObject &json);
    bool operator==(const Decision &other) const = default;
};

// The "signature" member of a decision to record: either a detached Ed25519 signature made on
// the workstation (key id, signed-at and value), or the signer's password, with which the
// server opens the signer's sealed key and signs.
struct SignatureInput
{
    QString signer;
    QString meaning;
    std::optional<QUuid> keyId;
    QDateTime signedAt;
    QByteArray value; // raw; base64 on the wire
    std::optional<QString> password;
    bool operator==(const SignatureInput &other) const = default;
};

// The body of POST /api/v1/qc-decisions. fromJson reads leniently (what toJson wrote); the
// server decodes requests strictly with qc::decodeRecordDecision.
struct RecordDecision
{
    std::optional<QUuid> id; // the server makes one when absent
    std::optional<QUuid> lotId;
    std::optional<QString> lotCode;
    flowviz::Decision decision = flowviz::Decision::PASS;
    std::optional<int> qcGateId;
    std::optional<int> gateNumber;
    QString notes;
    std::optional<Decimal> temperatureC;
    QString correctiveAction;
    QString workstationId;
    std::optional<QDateTime> decidedAt;
    std::optional<SignatureInput> signature;

    QJsonObject toJson() const;
    static RecordDecision fromJson(const QJsonObject &json);
    bool operator==(const RecordDecision &other) const = default;
};

} // namespace flowviz::wire
