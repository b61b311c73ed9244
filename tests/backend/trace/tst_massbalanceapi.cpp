// GET /api/v1/traceability/{lot_code}/mass-balance against a real flowviz-server: the input,
// loss, yield, use and remainder of every lot of a genealogy, exact, with each yield checked
// against its lot type's expected range (data in lot_profiles, changed like any profile value).

#include "tests/backend/apitestutil.h"

#include "domain/decimal.h"

#include <QJsonArray>
#include <QTest>

using namespace flowviz;
using namespace flowviz::test;

namespace {

// A decimal member as text ("66.7"), "null" when null: exact, never through a double compare.
QString dec(const QJsonObject &o, const char *name)
{
    const QJsonValue v = o.value(QLatin1String(name));
    if (v.isNull())
        return QStringLiteral("null");
    const auto d = Decimal::fromJson(v);
    return d ? d->toString() : QStringLiteral("invalid");
}

QJsonObject lotIn(const Reply &r, const QString &code)
{
    for (const QJsonValue &v : r.json().value(QStringLiteral("lots")).toArray())
        if (v.toObject().value(QStringLiteral("lot_code")).toString() == code)
            return v.toObject();
    return {};
}

QStringList codesOf(const Reply &r)
{
    QStringList out;
    for (const QJsonValue &v : r.json().value(QStringLiteral("lots")).toArray())
        out << v.toObject().value(QStringLiteral("lot_code")).toString();
    return out;
}

} // namespace

class TestMassBalanceApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_server =
            std::make_unique<TestServer>(QStringLiteral("tst_massbalanceapi"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_operator = clientFor(*m_server, QStringLiteral("operator"));
        QVERIFY(m_operator);
        // Two RAW lots deboned into DEB-1, which goes whole into BULK-1, which goes into MIX-1;
        // RAW-C deboned on its own into DEB-2 at a poor yield.
        const struct
        {
            const char *code, *type, *weight, *temperature;
            QJsonArray parents;
        } lots[] = {
            {"MB-RAW-A", "RAW", "500", "4", {}},
            {"MB-RAW-B", "RAW", "500", "4", {}},
            {"MB-RAW-C", "RAW", "500", "4", {}},
            {"MB-DEB-1",
             "DEB",
             "400",
             "3",
             {parentRef(QStringLiteral("MB-RAW-A"), QStringLiteral("450")),
              parentRef(QStringLiteral("MB-RAW-B"), QStringLiteral("150.5"))}},
            {"MB-BULK-1",
             "BULK",
             "400",
             "3",
             {parentRef(QStringLiteral("MB-DEB-1"), QStringLiteral("400"))}},
            {"MB-MIX-1",
             "MIX",
             "700",
             "3",
             {parentRef(QStringLiteral("MB-BULK-1"), QStringLiteral("400"))}},
            {"MB-DEB-2",
             "DEB",
             "250",
             "3",
             {parentRef(QStringLiteral("MB-RAW-C"), QStringLiteral("500"))}},
        };
        for (const auto &l : lots)
            FV_VERIFY_STATUS(m_operator->post(QStringLiteral("/api/v1/lots"),
                                              lotBody(QLatin1String(l.code), QLatin1String(l.type),
                                                      QLatin1String(l.weight),
                                                      QLatin1String(l.temperature), l.parents)),
                             201);
    }
    void cleanupTestCase()
    {
        m_operator.reset();
        m_server.reset();
    }

    void backwardFromAMix()
    {
        const Reply r = m_operator->get(
            QStringLiteral("/api/v1/traceability/MB-MIX-1/mass-balance?direction=backward"));
        FV_VERIFY_STATUS(r, 200);
        QCOMPARE(codesOf(r), (QStringList{QStringLiteral("MB-MIX-1"), QStringLiteral("MB-BULK-1"),
                                          QStringLiteral("MB-DEB-1"), QStringLiteral("MB-RAW-A"),
                                          QStringLiteral("MB-RAW-B")}));
        QCOMPARE(r.json().value(QStringLiteral("root")).toString(), QStringLiteral("MB-MIX-1"));
        QCOMPARE(r.json().value(QStringLiteral("truncated")).toBool(), false);

        // 400 kg in, 700 kg out: a mix adds ingredients, but not 75 %.
        const QJsonObject mix = lotIn(r, QStringLiteral("MB-MIX-1"));
        QCOMPARE(mix.value(QStringLiteral("level")).toInt(), 0);
        QCOMPARE(mix.value(QStringLiteral("inputs")).toInt(), 1);
        QCOMPARE(dec(mix, "input_kg"), QStringLiteral("400"));
        QCOMPARE(dec(mix, "loss_kg"), QStringLiteral("-300"));
        QCOMPARE(dec(mix, "yield_pct"), QStringLiteral("175"));
        QCOMPARE(dec(mix, "expected_yield_max_pct"), QStringLiteral("115"));
        QCOMPARE(mix.value(QStringLiteral("yield_check")).toString(), QStringLiteral("high"));
        QCOMPARE(dec(mix, "used_kg"), QStringLiteral("0"));
        QCOMPARE(dec(mix, "remaining_kg"), QStringLiteral("700"));

        // 600.5 kg of carcass for 400 kg of meat: 66.6 % (rounded to one decimal, exactly).
        const QJsonObject deb = lotIn(r, QStringLiteral("MB-DEB-1"));
        QCOMPARE(deb.value(QStringLiteral("level")).toInt(), -2);
        QCOMPARE(deb.value(QStringLiteral("inputs")).toInt(), 2);
        QCOMPARE(dec(deb, "input_kg"), QStringLiteral("600.5"));
        QCOMPARE(dec(deb, "loss_kg"), QStringLiteral("200.5"));
        QCOMPARE(dec(deb, "yield_pct"), QStringLiteral("66.6"));
        QCOMPARE(deb.value(QStringLiteral("yield_check")).toString(), QStringLiteral("ok"));
        QCOMPARE(dec(deb, "used_kg"), QStringLiteral("400"));
        QCOMPARE(dec(deb, "remaining_kg"), QStringLiteral("0"));

        // The bulk lot at exactly 100 %; the range's ends are inside it.
        const QJsonObject bulk = lotIn(r, QStringLiteral("MB-BULK-1"));
        QCOMPARE(dec(bulk, "yield_pct"), QStringLiteral("100"));
        QCOMPARE(bulk.value(QStringLiteral("yield_check")).toString(), QStringLiteral("ok"));

        // A received lot has no step of its own; what its children drew is over all of them
        // (RAW-A's only child is in the answer; RAW-B's draw is 150.5 kg).
        const QJsonObject rawB = lotIn(r, QStringLiteral("MB-RAW-B"));
        QCOMPARE(rawB.value(QStringLiteral("level")).toInt(), -3);
        QCOMPARE(rawB.value(QStringLiteral("inputs")).toInt(), 0);
        QCOMPARE(dec(rawB, "input_kg"), QStringLiteral("null"));
        QCOMPARE(dec(rawB, "yield_pct"), QStringLiteral("null"));
        QVERIFY(rawB.value(QStringLiteral("yield_check")).isNull());
        QCOMPARE(dec(rawB, "used_kg"), QStringLiteral("150.5"));
        QCOMPARE(dec(rawB, "remaining_kg"), QStringLiteral("349.5"));

        QCOMPARE(r.json().value(QStringLiteral("outside_tolerance")).toInt(), 1);
    }

    // A lot's use counts every child, also those outside the answer: DEB-2's parent RAW-C is
    // used whole; forward from RAW-C the poor deboning is flagged low.
    void forwardFromAReceivedLot()
    {
        const Reply r = m_operator->get(
            QStringLiteral("/api/v1/traceability/MB-RAW-C/mass-balance?direction=forward"));
        FV_VERIFY_STATUS(r, 200);
        QCOMPARE(codesOf(r), (QStringList{QStringLiteral("MB-RAW-C"), QStringLiteral("MB-DEB-2")}));
        const QJsonObject raw = lotIn(r, QStringLiteral("MB-RAW-C"));
        QCOMPARE(dec(raw, "remaining_kg"), QStringLiteral("0"));
        const QJsonObject deb = lotIn(r, QStringLiteral("MB-DEB-2"));
        QCOMPARE(deb.value(QStringLiteral("level")).toInt(), 1);
        QCOMPARE(dec(deb, "yield_pct"), QStringLiteral("50"));
        QCOMPARE(deb.value(QStringLiteral("yield_check")).toString(), QStringLiteral("low"));
        QCOMPARE(r.json().value(QStringLiteral("outside_tolerance")).toInt(), 1);
    }

    // The ranges are the plant's data: widened, the mix passes; removed, nothing is judged.
    // Either change is in the audit trail.
    void rangesAreData()
    {
        auto mix = [this] {
            return lotIn(m_operator->get(
                             QStringLiteral("/api/v1/traceability/MB-MIX-1/mass-balance?depth=1")),
                         QStringLiteral("MB-MIX-1"));
        };
        m_server->db().exec(
            QStringLiteral("UPDATE lot_profiles SET yield_max_pct = 180 WHERE lot_type = 'MIX'"));
        QCOMPARE(mix().value(QStringLiteral("yield_check")).toString(), QStringLiteral("ok"));
        m_server->db().exec(
            QStringLiteral("UPDATE lot_profiles SET yield_min_pct = NULL, yield_max_pct = NULL "
                           "WHERE lot_type = 'MIX'"));
        QVERIFY(mix().value(QStringLiteral("yield_check")).isNull());
        QCOMPARE(m_server->db().scalar(QStringLiteral(
                     "SELECT count(*) FROM audit_log WHERE entity = 'lot_profiles' AND "
                     "entity_key = 'MIX' AND action = 'UPDATE' AND new_values ? "
                     "'yield_max_pct' AND reason = ''")),
                 QStringLiteral("2"));
        m_server->db().exec(
            QStringLiteral("UPDATE lot_profiles SET yield_min_pct = 95, yield_max_pct = 115 "
                           "WHERE lot_type = 'MIX'"));
    }

    // Bounded like the trace: nearest first, the root kept, `truncated` said.
    void truncatedAndRefused()
    {
        const Reply both =
            m_operator->get(QStringLiteral("/api/v1/traceability/MB-BULK-1/mass-balance"));
        FV_VERIFY_STATUS(both, 200);
        QCOMPARE(both.json().value(QStringLiteral("direction")).toString(), QStringLiteral("both"));
        QCOMPARE(codesOf(both).size(), 5);
        QCOMPARE(codesOf(both).first(), QStringLiteral("MB-BULK-1"));
        const Reply shallow =
            m_operator->get(QStringLiteral("/api/v1/traceability/MB-BULK-1/mass-balance?depth=1"));
        FV_VERIFY_STATUS(shallow, 200);
        QStringList near = codesOf(shallow);
        QCOMPARE(near.value(0), QStringLiteral("MB-BULK-1"));
        near.sort();
        QCOMPARE(near, (QStringList{QStringLiteral("MB-BULK-1"), QStringLiteral("MB-DEB-1"),
                                    QStringLiteral("MB-MIX-1")}));

        FV_VERIFY_PROBLEM(
            m_operator->get(QStringLiteral("/api/v1/traceability/MB-NONE/mass-balance")), 404);
        FV_VERIFY_PROBLEM(m_operator->get(QStringLiteral(
                              "/api/v1/traceability/MB-MIX-1/mass-balance?direction=sideways")),
                          422);
        FV_VERIFY_PROBLEM(
            m_operator->get(QStringLiteral("/api/v1/traceability/MB-MIX-1/mass-balance?depth=0")),
            422);
        FV_VERIFY_PROBLEM(
            m_operator->get(QStringLiteral("/api/v1/traceability/MB%00MIX-1/mass-balance")), 422);
    }

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_operator;
};

QTEST_GUILESS_MAIN(TestMassBalanceApi)
#include "tst_massbalanceapi.moc"
