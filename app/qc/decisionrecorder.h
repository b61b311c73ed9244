#pragma once

#include "api/apiclient.h"
#include "cache/localcache.h"
#include "registration/lotregistrar.h"

#include <QDateTime>
#include <QObject>
#include <QString>

#include <optional>

namespace flowviz::app {

class Outbox;
class Session;

// A QC decision as the operator entered it; the temperature as typed.
struct DecisionDraft
{
    QString lotCode;
    int gateNumber = 0;
    Decision decision = Decision::PASS;
    QString notes;
    QString temperatureC;
};

// Who signed a decision electronically, when, and what the signature meant.
struct SignatureRecord
{
    QString username;
    QString fullName;
    QDateTime signedAt;
    QString meaning;
    QString text; // "<full name> (<username>) signed <ISO time>: <meaning>"
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

// Records QC decisions at the workstation, also offline: checks them with the domain rules,
// queues them in the durable outbox and shows the lot's new status in the cache at once. A FAIL
// at a CCP gate is an electronic signature: the operator's password is checked online (a fresh
// login, on a client of its own so a wrong password cannot end the session) and the record
// keeps who signed, when and what it meant. The password itself is never stored or queued.
class DecisionRecorder : public QObject
{
    Q_OBJECT

public:
    enum class SignatureProblem
    {
        WrongPassword,
        Unreachable,
        Other
    };
    Q_ENUM(SignatureProblem)

    DecisionRecorder(LocalCache *cache, Outbox *outbox, ApiClient *api, Session *session,
                     const QString &workstationId, QObject *parent = nullptr);

    void setWorkstationId(const QString &id) { m_workstationId = id; }
    // The CA bundle for the signature check over https (the console's setting).
    void setCaFile(const QString &path) { m_caFile = path; }
    LocalCache *cache() const { return m_cache; }
    Outbox *outbox() const { return m_outbox; }
    Session *session() const { return m_session; }

    FieldMessages validate(const DecisionDraft &draft) const;
    // A FAIL at a critical control point needs the operator's electronic signature.
    bool requiresSignature(const DecisionDraft &draft) const;
    // What the signature means, in the operator's language.
    QString signatureMeaning(const DecisionDraft &draft) const;

    // Records a decision that needs no signature. On errors nothing is queued.
    FieldMessages record(const DecisionDraft &draft);
    // Checks the password online, then records the signed decision. Ends in recorded() or
    // signatureFailed().
    void recordSigned(const DecisionDraft &draft, const QString &password);
    bool isSigning() const { return m_signing; }

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
    FieldMessages enqueue(const DecisionDraft &draft,
                          const std::optional<SignatureRecord> &signature);
    void onOutboxChanged();

    LocalCache *m_cache;
    Outbox *m_outbox;
    ApiClient *m_api;
    Session *m_session;
    QString m_workstationId;
    QString m_caFile;
    ApiClient m_verifier;
    bool m_signing = false;
    QMap<QString, QString> m_waiting; // outbox id → lot code, until synced
};

} // namespace flowviz::app
