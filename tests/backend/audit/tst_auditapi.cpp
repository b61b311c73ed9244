// The audit trail against a real flowviz-server: what the API creates and changes is recorded by
// the database's triggers with who, when, the old and new values and why; the trail cannot be
// changed; GET /api/v1/audit filters, pages and exports it as CSV for auditors only.

#include "tests/backend/apitestutil.h"
#include "tests/support/csvreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace flowviz::test;

namespace {

QJsonArray itemsOf(const Reply &r)
{
    return r.json().value(QStringLiteral("items")).toArray();
}

} // namespace

class TestAuditApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server = std::make_unique<TestServer>(QStringLiteral("tst_auditapi"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_operator = clientFor(*m_server, QStringLiteral("operator"));
        m_auditor = clientFor(*m_server, QStringLiteral("auditor"));
        m_admin = clientFor(*m_server, QStringLiteral("admin"));
        QVERIFY(m_operator && m_auditor && m_admin);
    }
    void cleanupTestCase()
    {
        m_operator.reset();
        m_auditor.reset();
        m_admin.reset();
        m_server.reset();
    }

    // A lot registered with a parent, then put on HOLD by a QC decision: its creation, its
    // parent link and its status change are each one entry, naming the operator.
    void lotCreationAndChangeAreRecorded()
    {
        FV_VERIFY_STATUS(
            m_operator->post(QStringLiteral("/api/v1/lots"),
                             lotBody(QStringLiteral("AUD-RAW-1"), QStringLiteral("RAW"),
                                     QStringLiteral("300"), QStringLiteral("4"))),
            201);
        FV_VERIFY_STATUS(
            m_operator->post(
                QStringLiteral("/api/v1/lots"),
                lotBody(QStringLiteral("AUD-DEB-1"), QStringLiteral("DEB"), QStringLiteral("250.5"),
                        QStringLiteral("3"),
                        {parentRef(QStringLiteral("AUD-RAW-1"), QStringLiteral("260.25"))})),
            201);
        FV_VERIFY_STATUS(
            m_operator->post(QStringLiteral("/api/v1/qc-decisions"),
                             decisionBody(QStringLiteral("AUD-DEB-1"), QStringLiteral("HOLD"), 3,
                                          QStringLiteral("bone fragments found"))),
            201);

        const Reply r = m_auditor->get(QStringLiteral("/api/v1/audit?entity=lots&key=AUD-DEB-1"));
        FV_VERIFY_STATUS(r, 200);
        const QJsonArray items = itemsOf(r);
        QCOMPARE(items.size(), 2);
        const QJsonObject change = items.at(0).toObject();
        const QJsonObject created = items.at(1).toObject();
        QCOMPARE(change.value(QStringLiteral("action")).toString(), QStringLiteral("UPDATE"));
        QCOMPARE(change.value(QStringLiteral("actor")).toString(), QStringLiteral("operator"));
        // Only what changed, old and new; updated_at alone is bookkeeping and left out.
        QCOMPARE(change.value(QStringLiteral("old_values")).toObject(),
                 (QJsonObject{{QStringLiteral("status"), QStringLiteral("CREATED")}}));
        QCOMPARE(change.value(QStringLiteral("new_values")).toObject(),
                 (QJsonObject{{QStringLiteral("status"), QStringLiteral("HOLD")}}));
        QCOMPARE(created.value(QStringLiteral("action")).toString(), QStringLiteral("INSERT"));
        QCOMPARE(created.value(QStringLiteral("actor")).toString(), QStringLiteral("operator"));
        QVERIFY(created.value(QStringLiteral("old_values")).isNull());
        const QJsonObject row = created.value(QStringLiteral("new_values")).toObject();
        QCOMPARE(row.value(QStringLiteral("lot_code")).toString(), QStringLiteral("AUD-DEB-1"));
        QCOMPARE(row.value(QStringLiteral("weight_kg")).toDouble(), 250.5);
        QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("CREATED"));
        QVERIFY(change.value(QStringLiteral("id")).toInteger() >
                created.value(QStringLiteral("id")).toInteger());

        // The parent link, under the child's id.
        const QString childId = m_server->db().scalar(
            QStringLiteral("SELECT id FROM lots WHERE lot_code = 'AUD-DEB-1'"));
        const Reply link =
            m_auditor->get(QStringLiteral("/api/v1/audit?entity=lot_genealogy&key=") + childId);
        FV_VERIFY_STATUS(link, 200);
        QCOMPARE(itemsOf(link).size(), 1);
        const QJsonObject linkRow =
            itemsOf(link).at(0).toObject().value(QStringLiteral("new_values")).toObject();
        QCOMPARE(linkRow.value(QStringLiteral("quantity_used_kg")).toDouble(), 260.25);
        QCOMPARE(linkRow.value(QStringLiteral("parent_lot_id")).toString(),
                 m_server->db().scalar(
                     QStringLiteral("SELECT id FROM lots WHERE lot_code = 'AUD-RAW-1'")));

        // The same through the actor filter: everything the operator did, nothing by others.
        const Reply mine =
            m_auditor->get(QStringLiteral("/api/v1/audit?actor=OPERATOR&limit=1000"));
        FV_VERIFY_STATUS(mine, 200);
        QVERIFY(itemsOf(mine).size() >= 4);
        for (const QJsonValue &v : itemsOf(mine))
            QCOMPARE(v.toObject().value(QStringLiteral("actor")).toString(),
                     QStringLiteral("operator"));
    }

    // Lots stored by a sync batch name the operator too, also when a refused operation sends
    // the batch's transaction back to one operation at a time.
    void syncedLotsNameTheirOperator()
    {
        auto op = [](const QString &key, const QJsonObject &body) {
            return QJsonObject{{QStringLiteral("idempotency_key"), key},
                               {QStringLiteral("method"), QStringLiteral("POST")},
                               {QStringLiteral("path"), QStringLiteral("/api/v1/lots")},
                               {QStringLiteral("body"), body}};
        };
        const QJsonArray ops{
            op(QStringLiteral("aud-sync-1"),
               lotBody(QStringLiteral("AUD-SYNC-1"), QStringLiteral("RAW"), QStringLiteral("300"))),
            op(QStringLiteral("aud-sync-2"),
               lotBody(QStringLiteral("AUD-SYNC-2"), QStringLiteral("DEB"), QStringLiteral("200"),
                       {}, {parentRef(QStringLiteral("AUD-NO-SUCH-LOT"), QStringLiteral("10"))})),
            op(QStringLiteral("aud-sync-3"),
               lotBody(QStringLiteral("AUD-SYNC-3"), QStringLiteral("RAW"),
                       QStringLiteral("310")))};
        const Reply r = m_operator->post(QStringLiteral("/api/v1/sync"),
                                         QJsonObject{{QStringLiteral("operations"), ops}});
        FV_VERIFY_STATUS(r, 200);
        QList<int> statuses;
        for (const QJsonValue &v : r.json().value(QStringLiteral("results")).toArray())
            statuses << v.toObject().value(QStringLiteral("status")).toInt();
        QCOMPARE(statuses.size(), 3);
        QCOMPARE(statuses[0], 201);
        QVERIFY2(statuses[1] >= 400 && statuses[1] < 500, qPrintable(describe(r)));
        QCOMPARE(statuses[2], 201);
        for (const char *code : {"AUD-SYNC-1", "AUD-SYNC-3"}) {
            const Reply a = m_auditor->get(QStringLiteral("/api/v1/audit?entity=lots&key=") +
                                           QLatin1String(code));
            FV_VERIFY_STATUS(a, 200);
            QCOMPARE(itemsOf(a).size(), 1);
            QCOMPARE(itemsOf(a).at(0).toObject().value(QStringLiteral("actor")).toString(),
                     QStringLiteral("operator"));
        }
        // Nothing of the refused lot, nor of the first try that was rolled back.
        FV_VERIFY_STATUS(m_auditor->get(QStringLiteral("/api/v1/audit?entity=lots&key=AUD-SYNC-2")),
                         200);
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT count(*) FROM audit_log WHERE entity_key LIKE 'AUD-SYNC-%'")),
                 QStringLiteral("2"));
    }

    // A change of a CCP limit carries the reason its request gave; a user's password hash is
    // never copied into the trail, and a change made outside the API names the database role.
    void reasonsSecretsAndOutsideChanges()
    {
        FV_VERIFY_STATUS(
            m_admin->put(QStringLiteral("/api/v1/qc-gates/7/limits"),
                         QJsonObject{{QStringLiteral("lot_type"), QStringLiteral("FRZ")},
                                     {QStringLiteral("max"), number(QStringLiteral("-20"))},
                                     {QStringLiteral("reason"),
                                      QStringLiteral("=HYPERLINK(\"http://x\"), HACCP v8")}}),
            200);
        const Reply limits = m_auditor->get(QStringLiteral("/api/v1/audit?entity=ccp_limits"));
        FV_VERIFY_STATUS(limits, 200);
        QVERIFY(!itemsOf(limits).isEmpty());
        const QJsonObject limit = itemsOf(limits).at(0).toObject();
        QCOMPARE(limit.value(QStringLiteral("action")).toString(), QStringLiteral("INSERT"));
        QCOMPARE(limit.value(QStringLiteral("actor")).toString(), QStringLiteral("admin"));
        QCOMPARE(limit.value(QStringLiteral("reason")).toString(),
                 QStringLiteral("=HYPERLINK(\"http://x\"), HACCP v8"));
        QCOMPARE(limit.value(QStringLiteral("new_values"))[QStringLiteral("max_value")].toDouble(),
                 -20.0);

        // The CSV keeps the reason whole but never lets a spreadsheet run it as a formula.
        const Reply csv =
            m_auditor->get(QStringLiteral("/api/v1/audit?entity=ccp_limits&format=csv"));
        FV_VERIFY_STATUS(csv, 200);
        QVERIFY(csv.header("content-type").startsWith("text/csv"));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(csv.body));
        QCOMPARE(rows.size(), itemsOf(limits).size() + 1);
        QCOMPARE(rows.at(0),
                 (QStringList{QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("actor"),
                              QStringLiteral("db_user"), QStringLiteral("action"),
                              QStringLiteral("entity"), QStringLiteral("entity_key"),
                              QStringLiteral("old_values"), QStringLiteral("new_values"),
                              QStringLiteral("reason")}));
        QCOMPARE(rows.at(1).size(), 10);
        QCOMPARE(rows.at(1).at(0), QString::number(limit.value(QStringLiteral("id")).toInteger()));
        QCOMPARE(rows.at(1).at(9), QStringLiteral("'=HYPERLINK(\"http://x\"), HACCP v8"));
        QCOMPARE(QJsonDocument::fromJson(rows.at(1).at(8).toUtf8()).object(),
                 limit.value(QStringLiteral("new_values")).toObject());

        // The test users were made by `flowviz-server user add`, outside the API.
        const Reply users =
            m_auditor->get(QStringLiteral("/api/v1/audit?entity=users&key=operator"));
        FV_VERIFY_STATUS(users, 200);
        QVERIFY(!itemsOf(users).isEmpty());
        const QJsonObject created = itemsOf(users).last().toObject();
        QCOMPARE(created.value(QStringLiteral("action")).toString(), QStringLiteral("INSERT"));
        QVERIFY(created.value(QStringLiteral("actor")).isNull());
        QVERIFY(!created.value(QStringLiteral("db_user")).toString().isEmpty());
        QCOMPARE(
            created.value(QStringLiteral("new_values"))[QStringLiteral("password_hash")].toString(),
            QStringLiteral("(secret)"));
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT count(*) FROM audit_log WHERE old_values::text LIKE '%argon2%' OR "
                     "new_values::text LIKE '%argon2%'")),
                 QStringLiteral("0"));
        // A login writes last_login_at only: bookkeeping, not an entry.
        const QString before = m_server->db().scalar(
            QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'users'"));
        QVERIFY(clientFor(*m_server, QStringLiteral("viewer")));
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'users'")),
                 before);

        // A direct SQL change is recorded too, with no API actor.
        m_server->db().exec(
            QStringLiteral("UPDATE lot_profiles SET weight_max_kg = 510 WHERE lot_type = 'RAW'"));
        const Reply profile =
            m_auditor->get(QStringLiteral("/api/v1/audit?entity=lot_profiles&key=RAW"));
        FV_VERIFY_STATUS(profile, 200);
        QCOMPARE(itemsOf(profile).size(), 1);
        const QJsonObject p = itemsOf(profile).at(0).toObject();
        QVERIFY(p.value(QStringLiteral("actor")).isNull());
        QCOMPARE(p.value(QStringLiteral("old_values"))[QStringLiteral("weight_max_kg")].toDouble(),
                 500.0);
        QCOMPARE(p.value(QStringLiteral("new_values"))[QStringLiteral("weight_max_kg")].toDouble(),
                 510.0);
    }

    // Append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
    void trailCannotBeChanged()
    {
        QVERIFY(rowCount(*m_server, QStringLiteral("audit_log")) > 0);
        const int before = rowCount(*m_server, QStringLiteral("audit_log"));
        for (const char *sql : {"UPDATE audit_log SET reason = 'forged'", "DELETE FROM audit_log",
                                "TRUNCATE audit_log"}) {
            const QString outcome = trySql(*m_server, QString::fromLatin1(sql));
            QVERIFY2(outcome.startsWith(u"42501"), qPrintable(outcome));
        }
        QCOMPARE(rowCount(*m_server, QStringLiteral("audit_log")), before);
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM audit_log WHERE reason = 'forged'")),
                 QStringLiteral("0"));
    }

    // Pages follow one another without gap or overlap; the filters refuse what they cannot
    // mean; only auditors and administrators read the trail.
    void pagesFiltersAndRoles()
    {
        const Reply all = m_admin->get(QStringLiteral("/api/v1/audit?limit=1000"));
        FV_VERIFY_STATUS(all, 200);
        QList<qint64> expected;
        for (const QJsonValue &v : itemsOf(all))
            expected << v.toObject().value(QStringLiteral("id")).toInteger();
        QVERIFY(expected.size() >= 6);
        QList<qint64> paged;
        QString cursor;
        for (int page = 0; page < 1000; ++page) {
            const Reply r = m_auditor->get(
                QStringLiteral("/api/v1/audit?limit=4") +
                (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor));
            FV_VERIFY_STATUS(r, 200);
            for (const QJsonValue &v : itemsOf(r))
                paged << v.toObject().value(QStringLiteral("id")).toInteger();
            const QJsonValue next = r.json().value(QStringLiteral("next_cursor"));
            if (next.isNull())
                break;
            cursor = next.toString();
        }
        QCOMPARE(paged, expected);

        const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        const Reply later =
            m_auditor->get(QStringLiteral("/api/v1/audit?from=") +
                           QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate));
        FV_VERIFY_STATUS(later, 200);
        QCOMPARE(itemsOf(later).size(), 0);
        const Reply earlier = m_auditor->get(QStringLiteral("/api/v1/audit?to=") + now);
        FV_VERIFY_STATUS(earlier, 200);
        QVERIFY(!itemsOf(earlier).isEmpty());

        for (const char *query :
             {"entity=qc_decisions", "entity=lots%00", "key=AUD%00DEB-1", "actor=%00",
              "from=yesterday", "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "limit=0",
              "limit=1001", "format=xlsx", "cursor=abc", "cursor=-5"}) {
            const Reply r =
                m_auditor->get(QStringLiteral("/api/v1/audit?") + QString::fromLatin1(query));
            FV_VERIFY_PROBLEM(r, 400);
        }
        FV_VERIFY_STATUS(m_auditor->get(QStringLiteral("/api/v1/audit?format=csv&limit=10000")),
                         200);

        FV_VERIFY_PROBLEM(m_operator->get(QStringLiteral("/api/v1/audit")), 403);
        FV_VERIFY_PROBLEM(
            clientFor(*m_server, QStringLiteral("manager"))->get(QStringLiteral("/api/v1/audit")),
            403);
        HttpClient anonymous(m_server->baseUrl());
        FV_VERIFY_PROBLEM(anonymous.get(QStringLiteral("/api/v1/audit")), 401);
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_operator;
    std::unique_ptr<HttpClient> m_auditor;
    std::unique_ptr<HttpClient> m_admin;
};

QTEST_GUILESS_MAIN(TestAuditApi)
#include "tst_auditapi.moc"
