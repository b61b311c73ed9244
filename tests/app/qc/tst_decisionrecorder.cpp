#include "app/qc/decisionrecorder.h"

#include "app/api/apiclient.h"
#include "app/cache/localcache.h"
#include "app/outbox/outbox.h"
#include "app/registration/rulemessages.h"
#include "app/session/session.h"
#include "app/session/signingkeystore.h"

#include "domain/decisionsignature.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace flowviz;
using flowviz::app::DecisionDraft;
using flowviz::app::DecisionRecorder;

namespace {

const QString kPassword = QStringLiteral("operator-password-1");

QJsonObject limit(const QJsonValue &lotType, const QJsonValue &min, const QJsonValue &max)
{
    return {{QStringLiteral("lot_type"), lotType},
            {QStringLiteral("parameter"), QStringLiteral("temperature_c")},
            {QStringLiteral("min"), min},
            {QStringLiteral("max"), max}};
}

QJsonObject gate(int number, bool ccp, bool passSigned, const QJsonArray &limits)
{
    return {{QStringLiteral("id"), 100 + number},
            {QStringLiteral("gate_number"), number},
            {QStringLiteral("name"),
             QJsonObject{{QStringLiteral("hu"), QStringLiteral("Kapu %1").arg(number)},
                         {QStringLiteral("en"), QStringLiteral("Gate %1").arg(number)}}},
            {QStringLiteral("gate_type"),
             ccp ? QStringLiteral("BLOCKING") : QStringLiteral("CHECKPOINT")},
            {QStringLiteral("is_ccp"), ccp},
            {QStringLiteral("pass_requires_signature"), passSigned},
            {QStringLiteral("critical_limits"), limits},
            {QStringLiteral("checklist"), QJsonArray()}};
}

QJsonObject lot(const QString &code, const QString &type)
{
    return {{QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
            {QStringLiteral("lot_code"), code},
            {QStringLiteral("lot_type"), type},
            {QStringLiteral("status"), QStringLiteral("CREATED")},
            {QStringLiteral("created_at"), QStringLiteral("2026-01-14T06:00:00.000Z")}};
}

DecisionDraft draft(const QString &code, int gateNumber, Decision decision, const char *temperature,
                    const QString &corrective = {})
{
    DecisionDraft d;
    d.lotCode = code;
    d.gateNumber = gateNumber;
    d.decision = decision;
    d.temperatureC = QString::fromUtf8(temperature);
    d.notes = decision == Decision::PASS ? QString()
                                         : QStringLiteral("Core temperature too high at the exit");
    d.correctiveAction = corrective;
    return d;
}

// The record as the server rebuilds it from the body it receives (the lot code and gate as
// stored, every other field as sent).
signing::DecisionRecord recordFromBody(const QJsonObject &body)
{
    const QJsonObject sig = body.value(QStringLiteral("signature")).toObject();
    signing::DecisionRecord r;
    r.id = QUuid::fromString(body.value(QStringLiteral("id")).toString());
    r.lotCode = body.value(QStringLiteral("lot_code")).toString();
    r.gateNumber = body.value(QStringLiteral("gate_number")).toInt();
    r.decision = *decisionFromString(body.value(QStringLiteral("decision")).toString());
    if (body.contains(QStringLiteral("temperature_c")))
        r.temperatureC = Decimal::fromJson(body.value(QStringLiteral("temperature_c")));
    r.notes = body.value(QStringLiteral("notes")).toString();
    r.correctiveAction = body.value(QStringLiteral("corrective_action")).toString();
    r.decidedAt = QDateTime::fromString(body.value(QStringLiteral("decided_at")).toString(),
                                        Qt::ISODateWithMs);
    r.workstationId = body.value(QStringLiteral("workstation_id")).toString();
    r.signer = sig.value(QStringLiteral("signer")).toString();
    r.keyId = QUuid::fromString(sig.value(QStringLiteral("key_id")).toString());
    r.meaning = sig.value(QStringLiteral("meaning")).toString();
    r.signedAt =
        QDateTime::fromString(sig.value(QStringLiteral("signed_at")).toString(), Qt::ISODateWithMs);
    return r;
}

} // namespace

// The QC decision rules at the workstation (critical limits, corrective actions, who must
// sign) and the offline signature: the operator's password opens the sealed key kept from the
// last login, the canonical record is signed on a worker thread, and what is queued verifies
// against the public key exactly as the server checks it. No server is involved.
class TestDecisionRecorder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(signing::initialize());
        m_pair = signing::generateKeyPair();
        m_keyId = QUuid::createUuid();
        const auto sealed = signing::seal(m_pair, kPassword, m_keyId);
        QVERIFY(sealed);
        m_sealed = *sealed;
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_cache = std::make_unique<app::LocalCache>(m_dir->filePath(QStringLiteral("cache.db")));
        m_outbox = std::make_unique<app::Outbox>(m_dir->filePath(QStringLiteral("outbox.db")));
        QVERIFY(m_cache->isOpen() && m_outbox->isOpen());
        // Gate 7: CCP, gate-wide max -18.0. Gate 8: CCP, PASS signed too, FRZ has its own
        // limit. Gate 1: a plain checkpoint.
        QVERIFY(
            m_cache->applyGates({gate(1, false, false, {}),
                                 gate(7, true, false, {limit(QJsonValue(), QJsonValue(), -18.0)}),
                                 gate(8, true, true,
                                      {limit(QJsonValue(), QJsonValue(), 4.0),
                                       limit(QStringLiteral("FRZ"), -30.0, -20.0)})}));
        QVERIFY(m_cache->applyLots({lot(QStringLiteral("FRZ-1"), QStringLiteral("FRZ")),
                                    lot(QStringLiteral("BULK-1"), QStringLiteral("BULK"))}));

        // The operator's session, as after a login (the server is not needed here).
        m_sessionPath = m_dir->filePath(QStringLiteral("session.json"));
        m_session = std::make_unique<app::Session>(&m_api, m_sessionPath);
        m_session->adopt(
            "tok-1", {QStringLiteral("operator"), QStringLiteral("Kovács Anna"), Role::OPERATOR},
            QDateTime::currentDateTimeUtc().addSecs(3600));
        QVERIFY(m_session->isValid());
        m_recorder = std::make_unique<DecisionRecorder>(m_cache.get(), m_outbox.get(), &m_api,
                                                        m_session.get(), QStringLiteral("DUNA01"));
    }

    void cleanup()
    {
        m_recorder.reset();
        m_session.reset();
        m_outbox.reset();
        m_cache.reset();
        m_dir.reset();
    }

    void cleanupTestCase() { signing::wipe(m_pair.seed); }

    // '.' or the locale's decimal point (Decimal::parseTyped); in English a comma groups
    // thousands and is refused, never guessed at.
    void parsesTypedTemperatures_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<bool>("hungarian");
        QTest::addColumn<QString>("value"); // empty: not a temperature
        QTest::newRow("point") << "-18.5" << false << "-18.5";
        QTest::newRow("hu decimal comma") << "-18,5" << true << "-18.5";
        QTest::newRow("hu point") << "-18.5" << true << "-18.5";
        QTest::newRow("hu minus sign and blanks")
            << QStringLiteral(" \u221219,0 ") << true << "-19";
        QTest::newRow("en comma refused") << "-18,5" << false << "";
        QTest::newRow("en grouping refused") << "1,250" << false << "";
        QTest::newRow("whole") << "3" << false << "3";
        QTest::newRow("two commas") << "1,2,3" << true << "";
        QTest::newRow("comma and point") << "1.5,0" << true << "";
        QTest::newRow("text") << "cold" << false << "";
    }
    void parsesTypedTemperatures()
    {
        QFETCH(QString, typed);
        QFETCH(bool, hungarian);
        QFETCH(QString, value);
        const QLocale previous;
        QLocale::setDefault(hungarian ? QLocale(QLocale::Hungarian, QLocale::Hungary)
                                      : QLocale(QLocale::English, QLocale::UnitedKingdom));
        const auto t = DecisionRecorder::parseTemperature(typed);
        QLocale::setDefault(previous);
        QCOMPARE(t ? t->toString() : QString(), value);
    }

    void passOutsideTheCriticalLimitIsRefused_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("gateNumber");
        QTest::addColumn<QString>("temperature");
        QTest::addColumn<bool>("breaks");
        QTest::newRow("gate-wide, warm") << "BULK-1" << 7 << "-5.0" << true;
        QTest::newRow("gate-wide, just warm") << "BULK-1" << 7 << "-17.9" << true;
        QTest::newRow("gate-wide, at the limit") << "BULK-1" << 7 << "-18" << false;
        QTest::newRow("gate-wide, cold") << "FRZ-1" << 7 << "-18.1" << false;
        QTest::newRow("own limit, too warm") << "FRZ-1" << 8 << "-19.5" << true;
        QTest::newRow("own limit, too cold") << "FRZ-1" << 8 << "-30.5" << true;
        QTest::newRow("own limit, inside") << "FRZ-1" << 8 << "-25" << false;
        QTest::newRow("other type, gate-wide") << "BULK-1" << 8 << "3.9" << false;
        QTest::newRow("not a CCP") << "BULK-1" << 1 << "30" << false;
    }
    void passOutsideTheCriticalLimitIsRefused()
    {
        QFETCH(QString, code);
        QFETCH(int, gateNumber);
        QFETCH(QString, temperature);
        QFETCH(bool, breaks);
        DecisionDraft pass = draft(code, gateNumber, Decision::PASS, "");
        pass.temperatureC = temperature;
        const QString problem = m_recorder->limitProblem(pass);
        QCOMPARE(!problem.isEmpty(), breaks);
        const auto errors = m_recorder->validate(pass);
        QCOMPARE(errors.value(QStringLiteral("temperature_c")), problem);
        if (breaks) {
            // Which limit, and what to do instead.
            QVERIFY2(problem.contains(QStringLiteral("critical limit")), qPrintable(problem));
            QVERIFY2(problem.contains(QStringLiteral("HOLD or FAIL")), qPrintable(problem));
            QVERIFY2(problem.contains(QStringLiteral("Gate %1").arg(gateNumber)),
                     qPrintable(problem));
            QVERIFY2(problem.contains(QStringLiteral("°C")), qPrintable(problem));
            // Nothing is queued, nothing changes.
            QCOMPARE(m_recorder->record(pass).value(QStringLiteral("temperature_c")), problem);
            QCOMPARE(m_outbox->items().size(), 0);
            // HOLD and FAIL with the same reading are what the operator may record.
            DecisionDraft hold = pass;
            hold.decision = Decision::HOLD;
            hold.notes = QStringLiteral("Core temperature too high at the exit");
            hold.correctiveAction = QStringLiteral("Lot moved back to the blast freezer");
            QVERIFY(!m_recorder->validate(hold).contains(QStringLiteral("temperature_c")));
        }
    }

    void theLimitMessageNamesTheLimit()
    {
        const QString problem =
            m_recorder->limitProblem(draft(QStringLiteral("FRZ-1"), 8, Decision::PASS, "-5"));
        QVERIFY2(problem.contains(QStringLiteral("-5.0 °C")), qPrintable(problem));
        QVERIFY2(problem.contains(QStringLiteral("between -30.0 °C and -20.0 °C")),
                 qPrintable(problem));
        const QString wide =
            m_recorder->limitProblem(draft(QStringLiteral("BULK-1"), 7, Decision::PASS, "-5"));
        QVERIFY2(wide.contains(QStringLiteral("-18.0 °C or colder")), qPrintable(wide));
    }

    void correctiveActionAtACcp_data()
    {
        QTest::addColumn<int>("gateNumber");
        QTest::addColumn<int>("decision");
        QTest::addColumn<QString>("corrective");
        QTest::addColumn<bool>("refused");
        const QString enough = QStringLiteral("Product re-frozen, tunnel serviced");
        QTest::newRow("HOLD, none") << 7 << int(Decision::HOLD) << "" << true;
        QTest::newRow("FAIL, none") << 7 << int(Decision::FAIL) << "" << true;
        QTest::newRow("FAIL, blanks") << 7 << int(Decision::FAIL) << "   \n  " << true;
        QTest::newRow("FAIL, too short") << 7 << int(Decision::FAIL) << "re frozen" << true;
        QTest::newRow("FAIL, 10 characters") << 7 << int(Decision::FAIL) << "re-freezed" << false;
        QTest::newRow("HOLD, written") << 7 << int(Decision::HOLD) << enough << false;
        QTest::newRow("FAIL, too long") << 7 << int(Decision::FAIL) << QString(1001, u'x') << true;
        QTest::newRow("PASS needs none") << 7 << int(Decision::PASS) << "" << false;
        QTest::newRow("not a CCP") << 1 << int(Decision::FAIL) << "" << false;
    }
    void correctiveActionAtACcp()
    {
        QFETCH(int, gateNumber);
        QFETCH(int, decision);
        QFETCH(QString, corrective);
        QFETCH(bool, refused);
        const auto errors = m_recorder->validate(
            draft(QStringLiteral("FRZ-1"), gateNumber, Decision(decision), "-21", corrective));
        QCOMPARE(errors.contains(QStringLiteral("corrective_action")), refused);
        QCOMPARE(errors.size(), refused ? 1 : 0);
    }

    void whoMustSign_data()
    {
        QTest::addColumn<int>("gateNumber");
        QTest::addColumn<int>("decision");
        QTest::addColumn<bool>("signed_");
        QTest::newRow("CCP PASS") << 7 << int(Decision::PASS) << false;
        QTest::newRow("CCP HOLD") << 7 << int(Decision::HOLD) << true;
        QTest::newRow("CCP FAIL") << 7 << int(Decision::FAIL) << true;
        QTest::newRow("CCP PASS, gate says sign") << 8 << int(Decision::PASS) << true;
        QTest::newRow("checkpoint FAIL") << 1 << int(Decision::FAIL) << false;
        QTest::newRow("checkpoint HOLD") << 1 << int(Decision::HOLD) << false;
    }
    void whoMustSign()
    {
        QFETCH(int, gateNumber);
        QFETCH(int, decision);
        QFETCH(bool, signed_);
        const DecisionDraft d = draft(QStringLiteral("FRZ-1"), gateNumber, Decision(decision),
                                      "-25", QStringLiteral("Product re-frozen, tunnel serviced"));
        QCOMPARE(m_recorder->requiresSignature(d), signed_);
        // Unsigned recording of what must be signed queues nothing.
        const auto errors = m_recorder->record(d);
        QCOMPARE(errors.contains(QStringLiteral("signature")), signed_);
        QCOMPARE(m_outbox->items().size(), signed_ ? 0 : 1);
    }

    void signsOfflineWithTheKeptKey()
    {
        QVERIFY(app::SigningKeyStore(app::Session::signingKeysPath(m_sessionPath))
                    .store(QStringLiteral("operator"), m_sealed));
        DecisionDraft d = draft(QStringLiteral("frz-1"), 7, Decision::FAIL, "-5.5",
                                QStringLiteral("  Lot quarantined, tunnel 2 defrosted  "));
        QSignalSpy recorded(m_recorder.get(), &DecisionRecorder::recorded);
        QSignalSpy failed(m_recorder.get(), &DecisionRecorder::signatureFailed);
        m_recorder->recordSigned(d, kPassword);
        // The key is opened on a worker thread: the call returns at once, nothing queued yet.
        QVERIFY(m_recorder->isSigning());
        QCOMPARE(recorded.size(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(recorded.size(), 1, 20000);
        QCOMPARE(failed.size(), 0);
        QVERIFY(!m_recorder->isSigning());

        const auto shown = recorded.first().first().value<app::RecordedDecision>();
        QVERIFY(shown.signature);
        QCOMPARE(shown.signature->username, QStringLiteral("operator"));
        QVERIFY2(shown.signature->text.contains(QStringLiteral("Kovács Anna (operator) signed")),
                 qPrintable(shown.signature->text));
        QVERIFY(shown.signature->meaning.contains(QStringLiteral("FRZ-1")));

        const auto items = m_outbox->items();
        QCOMPARE(items.size(), 1);
        const QJsonObject body = items.first().payload;
        QCOMPARE(body.value(QStringLiteral("id")).toString(), items.first().id);
        QCOMPARE(body.value(QStringLiteral("lot_code")).toString(), QStringLiteral("FRZ-1"));
        QCOMPARE(body.value(QStringLiteral("corrective_action")).toString(),
                 QStringLiteral("Lot quarantined, tunnel 2 defrosted"));
        for (const char *gone : {"digital_signature", "signature_password", "signature_meaning"})
            QVERIFY2(!body.contains(QLatin1String(gone)), gone);
        const QByteArray text = QJsonDocument(body).toJson();
        QVERIFY(!text.contains(kPassword.toUtf8()));
        QVERIFY(!text.contains(m_pair.seed.toBase64()));
        const QJsonObject sig = body.value(QStringLiteral("signature")).toObject();
        QCOMPARE(sig.value(QStringLiteral("signer")).toString(), QStringLiteral("operator"));
        QCOMPARE(QUuid::fromString(sig.value(QStringLiteral("key_id")).toString()), m_keyId);
        QVERIFY(sig.value(QStringLiteral("signed_at")).toString().contains(u'.')); // with ms

        // It verifies as the server verifies it, and only for this record.
        const auto value =
            QByteArray::fromBase64(sig.value(QStringLiteral("value")).toString().toLatin1());
        QCOMPARE(value.size(), signing::kSignatureBytes);
        signing::DecisionRecord record = recordFromBody(body);
        QCOMPARE(record.temperatureC->toString(), QStringLiteral("-5.5"));
        QVERIFY(signing::verify(signing::canonicalRecord(record), value, m_pair.publicKey));
        record.correctiveAction = QStringLiteral("Nothing was done");
        QVERIFY(!signing::verify(signing::canonicalRecord(record), value, m_pair.publicKey));

        // Shown at once as the decision's effect, pending until the server confirms it.
        QCOMPARE(toString(m_cache->lot(QStringLiteral("FRZ-1"))->status),
                 QStringLiteral("REJECTED"));
        QVERIFY(m_cache->lot(QStringLiteral("FRZ-1"))->pendingStatus);
        const auto here = m_recorder->decisionsFor(QStringLiteral("FRZ-1"));
        QCOMPARE(here.size(), 1);
        QVERIFY(here.first().signature);
        QCOMPARE(here.first().signature->meaning, shown.signature->meaning);
    }

    void aWrongPasswordRecordsNothing()
    {
        QVERIFY(app::SigningKeyStore(app::Session::signingKeysPath(m_sessionPath))
                    .store(QStringLiteral("operator"), m_sealed));
        QSignalSpy recorded(m_recorder.get(), &DecisionRecorder::recorded);
        QSignalSpy failed(m_recorder.get(), &DecisionRecorder::signatureFailed);
        m_recorder->recordSigned(draft(QStringLiteral("FRZ-1"), 7, Decision::FAIL, "-5",
                                       QStringLiteral("Lot quarantined, tunnel 2 defrosted")),
                                 QStringLiteral("operator-password-2"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 20000);
        QCOMPARE(failed.first().first().value<DecisionRecorder::SignatureProblem>(),
                 DecisionRecorder::SignatureProblem::WrongPassword);
        QVERIFY(failed.first().last().toString().contains(QStringLiteral("password is wrong")));
        QCOMPARE(recorded.size(), 0);
        QCOMPARE(m_outbox->items().size(), 0);
        QCOMPARE(toString(m_cache->lot(QStringLiteral("FRZ-1"))->status),
                 QStringLiteral("CREATED"));
    }

    void withoutAKeptKeyItSaysWhatToDo()
    {
        QSignalSpy failed(m_recorder.get(), &DecisionRecorder::signatureFailed);
        m_recorder->recordSigned(draft(QStringLiteral("FRZ-1"), 7, Decision::HOLD, "-5",
                                       QStringLiteral("Lot quarantined, tunnel 2 defrosted")),
                                 kPassword);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<DecisionRecorder::SignatureProblem>(),
                 DecisionRecorder::SignatureProblem::NoKey);
        QVERIFY(failed.first().last().toString().contains(QStringLiteral("log in again")));
        QCOMPARE(m_outbox->items().size(), 0);
    }

    void anInvalidDecisionIsNotSigned()
    {
        QVERIFY(app::SigningKeyStore(app::Session::signingKeysPath(m_sessionPath))
                    .store(QStringLiteral("operator"), m_sealed));
        QSignalSpy failed(m_recorder.get(), &DecisionRecorder::signatureFailed);
        m_recorder->recordSigned(draft(QStringLiteral("FRZ-1"), 7, Decision::FAIL, "-5"),
                                 kPassword);
        QCOMPARE(failed.size(), 1);
        QVERIFY(!m_recorder->isSigning());
        QCOMPARE(m_outbox->items().size(), 0);
    }

    void serverRefusalsOfSignaturesAreExplained()
    {
        // The sync page shows these in the operator's language instead of the server's text.
        for (const char *code : {"signature.required", "signature.invalid", "signature.key_retired",
                                 "signature.signer_disabled", "signature.signer_not_allowed",
                                 "corrective_action.required"}) {
            QVERIFY2(app::RuleMessages::knows(QLatin1String(code)), code);
            const QString text = app::RuleMessages::message(
                {QStringLiteral("signature"), QLatin1String(code), QStringLiteral("English")});
            QVERIFY2(text != QStringLiteral("English") && text.endsWith(u'.'), code);
        }
        // A rule the console has no sentence for keeps the server's.
        QVERIFY(!app::RuleMessages::knows(QStringLiteral("ccp.limit_exceeded")));
    }

private:
    signing::KeyPair m_pair;
    QUuid m_keyId;
    signing::SealedKey m_sealed;
    app::ApiClient m_api;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<app::LocalCache> m_cache;
    std::unique_ptr<app::Outbox> m_outbox;
    std::unique_ptr<app::Session> m_session;
    std::unique_ptr<DecisionRecorder> m_recorder;
    QString m_sessionPath;
};

QTEST_GUILESS_MAIN(TestDecisionRecorder)
#include "tst_decisionrecorder.moc"
