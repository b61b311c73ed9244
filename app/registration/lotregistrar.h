#pragma once

#include "app/cache/localcache.h"
#include "domain/validation.h"

#include <QDate>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

namespace flowviz::app {

class ApiClient;
class LotCodeGenerator;
class Outbox;

// A lot as the operator filled in the registration form; numbers as typed.
struct LotDraft
{
    struct Parent
    {
        QString code;
        QString quantityKg;
    };

    // How a RAW lot was received, as typed or read from the supplier's GS1 label.
    struct Receipt
    {
        QString supplierCode;
        QString supplierLotCode; // kept exactly as printed
        QString gtin;            // empty: none
        QString deliveryNote;    // empty: none
        QDate receivedOn;
        std::optional<QDate> expiresOn;
        QString units; // empty: not counted
    };

    LotType type = LotType::RAW;
    QString lotCode; // empty: a code is generated
    QString weightKg;
    QString temperatureC;
    QString runCode; // empty: no production run
    QList<Parent> parents;
    std::optional<Receipt> receipt; // RAW lots only
};

// Field name (`lot_code`, `weight_kg`, `temperature_c`, `run_code`, `parent:<CODE>`, `receipt`,
// `receipt.<member>` as in the API, `save`) → a sentence in the operator's language.
using FieldMessages = QMap<QString, QString>;

// Whether a scanned lot may be drawn from as a parent.
struct ParentCheck
{
    enum class Verdict
    {
        Usable,
        Refused
    };
    Verdict verdict = Verdict::Refused;
    QString code;
    std::optional<CachedLot> lot;
    QString message; // why it is refused, in the operator's language

    bool usable() const { return verdict == Verdict::Usable; }
};

// Registers lots at the workstation, also offline: checks a draft with the domain rules the
// server uses, refuses parents on HOLD / in QUARANTINE / REJECTED at once, issues the lot code,
// writes the lot to the durable outbox and shows it in the local cache as pending.
class LotRegistrar : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool ok = false;
        QString outboxId;
        QString lotCode;
        FieldMessages errors;
    };

    LotRegistrar(LocalCache *cache, Outbox *outbox, LotCodeGenerator *codes,
                 const QString &workstationId, QObject *parent = nullptr);

    // Optional: lets parents missing from the cache be looked up on the server.
    void setApiClient(ApiClient *api) { m_api = api; }
    // Whether the server is worth asking now (the sync engine's view); without it, always.
    void setOnlineCheck(std::function<bool()> online) { m_online = std::move(online); }
    void setWorkstationId(const QString &id) { m_workstationId = id; }
    QString workstationId() const { return m_workstationId; }
    LocalCache *cache() const { return m_cache; }
    Outbox *outbox() const { return m_outbox; }

    // The verdict from the cache alone: a lot it does not know is refused.
    ParentCheck checkParent(const QString &code) const;
    // Like checkParent(), but with the lot's status fresh from the server when it can be asked
    // (an ApiClient is set and the online check says so); from the cache otherwise. `done` runs
    // on this thread, at once when no request is made.
    void lookupParent(const QString &code, QObject *context,
                      std::function<void(const ParentCheck &)> done);

    FieldMessages validate(const LotDraft &draft) const;
    // Validates, issues the code, queues the lot and shows it as pending. Nothing is queued
    // when there are errors.
    Result registerLot(const LotDraft &draft);

    // The outbox item of a lot registered here has reached the server.
    bool isSynced(const QString &outboxId) const;

signals:
    void registered(const QString &lotCode, const QString &outboxId);
    void synced(const QString &lotCode, const QString &outboxId);

private:
    void validateReceipt(const LotDraft &draft, FieldMessages &errors) const;
    void onOutboxChanged();

    LocalCache *m_cache;
    Outbox *m_outbox;
    LotCodeGenerator *m_codes;
    ApiClient *m_api = nullptr;
    std::function<bool()> m_online;
    QString m_workstationId;
    QMap<QString, QString> m_waiting; // outbox id → lot code, until synced
};

} // namespace flowviz::app
