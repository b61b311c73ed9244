#pragma once

#include "app/api/apiclient.h"
#include "app/cache/localcache.h"
#include "app/cache/lotlookup.h"
#include "app/registration/lotregistrar.h"

#include "domain/decisionsignature.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QThread;

namespace flowviz::app {

class Outbox;
class Session;

// A QC decision as the operator entered it; the temperature as typed ("-18.5" or "-18,5").
struct DecisionDraft
{
    QString lotCode;
    // The id of the lot shown on the card when the operator chose: a decision is never recorded
    // against another lot that has the code by then (empty: not checked).
    QString lotId;
    int gateNumber = 0;
    Decision decision = Decision::PASS;
    QString notes;
    QString temperatureC;
    QString correctiveAction; // what was done about a deviation (HOLD/FAIL at a CCP)
};

// Who signed a decision electronically, when (by the workstation's clock), and what the
// signature meant.
struct SignatureRecord
{
    QString username;
    QString fullName;
    QDateTime signedAt;
    QString meaning;
    QString text; // "<full name> (<username>) signed <time>: <meaning>"
};

// A decision this workstation recorded, as the QC page shows it.
struct RecordedDecision
{
    QString outboxId;
    QString lotCode;
    int gateNumber = 0;
    Decision decision = Decision::PASS;
    QDateTime decidedAt;
    std::optional<SignatureRecord> signature;
    bool synced = false;
};

// Records QC decisions at the workstation, also offline: checks them with the domain rules
// (critical limits and corrective actions included), queues them in the durable outbox and
// shows the lot's new status in the cache at once. A decision that needs an electronic
// signature (HOLD and FAIL at a CCP, PASS where the gate says so) is signed here, without the
// network: the user's password opens their sealed signing key (kept from their last login
// here), which signs the canonical record; the server verifies it when the decision syncs.
// The password and the opened key are never stored or queued.
class DecisionRecorder : public QObject
{
    Q_OBJECT

public:
    enum class SignatureProblem
    {
        WrongPassword,
        NoKey,
        Other
    };
    Q_ENUM(SignatureProblem)

    DecisionRecorder(LocalCache *cache, Outbox *outbox, ApiClient *api, Session *session,
                     const QString &workstationId, QObject *parent = nullptr);
    ~DecisionRecorder() override;

    void setWorkstationId(const QString &id) { m_workstationId = id; }
    // Whether the server is worth asking now (the sync engine's view); without it, always.
    void setOnlineCheck(std::function<bool()> online) { m_online = std::move(online); }
    bool isOnline() const { return !m_online || m_online(); }
    LocalCache *cache() const { return m_cache; }
    Outbox *outbox() const { return m_outbox; }
    Session *session() const { return m_session; }

    // A temperature as typed: "-18.5", "-18,5" (the Hungarian decimal comma), "−18.5".
    static std::optional<Decimal> parseTemperature(const QString &typed);

    FieldMessages validate(const DecisionDraft &draft) const;
    // The sentence that says the typed temperature breaks the critical limit of the draft's
    // gate for the lot's type (so the lot cannot PASS); empty when it does not, or when that
    // cannot be told (no lot, no number, no limit).
    QString limitProblem(const DecisionDraft &draft) const;
    // The critical limit that applies to the draft's lot at its gate (none at a gate that is no
    // CCP, or when the lot is not known here).
    std::optional<CriticalLimit> criticalLimit(const DecisionDraft &draft) const;
    // Whether the draft's gate is a critical control point (a temperature, and for HOLD/FAIL a
    // corrective action, are required).
    bool isCcp(const DecisionDraft &draft) const;
    // Whether the decision must be signed electronically.
    bool requiresSignature(const DecisionDraft &draft) const;
    // What the signature means, in the operator's language.
    QString signatureMeaning(const DecisionDraft &draft) const;

    // Records a decision that needs no signature. On errors nothing is queued.
    FieldMessages record(const DecisionDraft &draft);
    // Signs the decision with the current user's key, opened by `password`, on a worker thread
    // (argon2id takes a moment), then records it. Works offline. Ends in recorded() or
    // signatureFailed(); nothing is queued on failure.
    void recordSigned(const DecisionDraft &draft, const QString &password);
    bool isSigning() const { return m_signing; }

    // A scanned lot, fresh from the server when it can be asked (see lookupLot()).
    void lookupLot(const QString &lotCode, QObject *context,
                   std::function<void(const LotLookupResult &)> done);

    // The decisions recorded here about `lotCode` (from the outbox), oldest first.
    QList<RecordedDecision> decisionsFor(const QString &lotCode) const;
    // The decisions the server holds about `lotCode` (GET /api/v1/lots/{code}/qc-decisions),
    // oldest first; `done(decisions, known)` with known false when the server could not tell.
    void lookupHistory(const QString &lotCode, QObject *context,
                       std::function<void(const QList<RecordedDecision> &, bool)> done);
    // The lots `lotCode` was made from: from this workstation's own registration, or asked of
    // the server. `done(parents, known)` runs on this thread; known is false when neither
    // could tell.
    void lookupParents(const QString &lotCode, QObject *context,
                       std::function<void(const QStringList &, bool)> done);

signals:
    void recorded(const flowviz::app::RecordedDecision &decision);
    void signatureFailed(flowviz::app::DecisionRecorder::SignatureProblem problem,
                         const QString &message);

private:
    // The body to queue and, for a signature, the record it covers.
    struct Prepared
    {
        QString code;
        QDateTime decidedAt;
        QJsonObject body;
        signing::DecisionRecord record;
    };
    Prepared prepare(const DecisionDraft &draft) const;
    FieldMessages enqueue(const DecisionDraft &draft, const Prepared &prepared,
                          const std::optional<SignatureRecord> &signature);
    void finishSigning(const DecisionDraft &draft, const Prepared &prepared,
                       const SignatureRecord &signature, const QByteArray &value);
    QString gateName(const CachedGate &gate) const;
    static QString signatureText(const SignatureRecord &signature);
    static std::optional<SignatureRecord> signatureFrom(const QJsonObject &signature);
    void onOutboxChanged();

    LocalCache *m_cache;
    Outbox *m_outbox;
    ApiClient *m_api;
    Session *m_session;
    QString m_workstationId;
    std::function<bool()> m_online;
    bool m_signing = false;
    QPointer<QThread> m_worker;
    struct Waiting
    {
        QString lotCode;
        LotStatus statusBefore = LotStatus::CREATED; // shown again if the decision is discarded
        bool pendingBefore = false;
    };
    QMap<QString, Waiting> m_waiting; // outbox id → its lot, until synced or discarded
};

} // namespace flowviz::app
