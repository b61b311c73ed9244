// Recalls against a real flowviz-server: on a random genealogy with shipments, the set a recall
// finds (lots and levels, shipment lines, customers, kilograms, the lots put on HOLD) equals a
// brute-force walk of what the database held just before; the recall is idempotent, refused
// when it should be, exported as CSV and as an XLSX workbook that openpyxl reads back, closes
// once, and nothing it recorded can be changed or removed.

#include "tests/backend/apitestutil.h"

#include "domain/wire/recall.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <map>

using namespace flowviz;
using namespace flowviz::test;

namespace {

const QString kRecalls = QStringLiteral("/api/v1/recalls");
const QStringList kTypes{QStringLiteral("RAW"), QStringLiteral("DEB"), QStringLiteral("BULK"),
                         QStringLiteral("MIX"), QStringLiteral("SKW"), QStringLiteral("FRZ"),
                         QStringLiteral("FG")};
const QStringList kStatuses{QStringLiteral("CREATED"),  QStringLiteral("QUARANTINE"),
                            QStringLiteral("RELEASED"), QStringLiteral("RELEASED"),
                            QStringLiteral("HOLD"),     QStringLiteral("REJECTED"),
                            QStringLiteral("CONSUMED")};

QJsonObject recallBody(const QString &lot, const QString &reason)
{
    return {{QStringLiteral("lot_code"), lot}, {QStringLiteral("reason"), reason}};
}

QString quoted(const QString &s)
{
    return u'\'' + QString(s).replace(u'\'', QStringLiteral("''")) + u'\'';
}

// What a recall of `root` must find, computed from the tables without the server's SQL.
struct Expected
{
    std::map<QString, int> levels;       // lot code -> nearest level
    QSet<QString> held;                  // lot codes to be put on HOLD
    QSet<QString> lines;                 // "shipment|lot|kg|status"
    std::map<QString, double> customers; // customer code -> kg
};

// The workbook's sheets as read back by openpyxl: sheet name -> rows of cell values.
QJsonObject readWorkbook(const QByteArray &xlsx)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("book.xlsx")));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(xlsx);
    file.close();
    // Debian's Python, which has Debian's openpyxl (install-deps.sh), whatever is on PATH.
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral("-c"),
                  QStringLiteral("import json, sys, openpyxl\n"
                                 "book = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
                                 "out = {}\n"
                                 "for ws in book.worksheets:\n"
                                 "    out[ws.title] = [[c for c in row] for row in "
                                 "ws.iter_rows(values_only=True)]\n"
                                 "print(json.dumps(out, default=str))\n"),
                  file.fileName()});
    if (!python.waitForFinished(60000) || python.exitCode() != 0) {
        qWarning("openpyxl: %s", python.readAllStandardError().constData());
        return {};
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}

} // namespace

class TestRecallApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        const quint32 seed = QRandomGenerator::global()->generate();
        m_random.seed(seed);
        qInfo("random seed %u", seed);
        m_server = std::make_unique<TestServer>(QStringLiteral("tst_recallapi"), noRateLimits());
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        m_manager = clientFor(*m_server, QStringLiteral("manager"));
        m_operator = clientFor(*m_server, QStringLiteral("operator"));
        m_auditor = clientFor(*m_server, QStringLiteral("auditor"));
        QVERIFY(m_manager && m_operator && m_auditor);
        for (const char *code : {"SPAR", "METRO", "TESCO"}) {
            const Reply r = m_manager->post(
                QStringLiteral("/api/v1/customers"),
                QJsonObject{
                    {QStringLiteral("customer_code"), QString::fromLatin1(code)},
                    {QStringLiteral("name"), QString::fromLatin1(code) + QStringLiteral(" Kft.")},
                    {QStringLiteral("contact"), QStringLiteral("+36 1 234 5678")}});
            FV_VERIFY_STATUS(r, 201);
        }
        buildGenealogy();
    }
    void cleanupTestCase()
    {
        m_manager.reset();
        m_operator.reset();
        m_auditor.reset();
        m_server.reset();
    }

    void recallEqualsBruteForce()
    {
        // A RAW lot with the largest downstream set, a lot from the middle, and an FG lot.
        double lastTraceMs = -1;
        QStringList roots{biggestRawRoot(), m_byLevel[3].at(int(m_random.bounded(4))),
                          m_byLevel[6].at(int(m_random.bounded(4)))};
        for (const QString &root : roots) {
            const Expected expected = bruteForce(root);
            const Reply r = m_manager->post(
                kRecalls, recallBody(root, QStringLiteral("Listeria in supplier lot, lab 4711")));
            FV_VERIFY_STATUS(r, 201);
            const wire::Recall recall = wire::Recall::fromJson(r.json());
            QCOMPARE(QJsonDocument(recall.toJson()).toJson(), QJsonDocument(r.json()).toJson());
            QCOMPARE(r.header("location"),
                     (QStringLiteral("/api/v1/recalls/") + recall.reference).toUtf8());
            QCOMPARE(recall.lotCode, root);
            QCOMPARE(toString(recall.status), QStringLiteral("OPEN"));
            QCOMPARE(recall.openedBy, QStringLiteral("manager"));

            std::map<QString, int> levels;
            QSet<QString> held;
            for (const wire::RecallLot &l : recall.lots) {
                levels[l.lotCode] = l.level;
                if (l.held) {
                    held.insert(l.lotCode);
                    QCOMPARE(toString(l.status), QStringLiteral("HOLD"));
                }
            }
            QCOMPARE(levels, expected.levels);
            QCOMPARE(held, expected.held);
            QCOMPARE(recall.lotCount, int(expected.levels.size()));
            QCOMPARE(recall.heldCount, int(expected.held.size()));
            QSet<QString> lines;
            for (const wire::RecallLine &l : recall.shipments)
                lines.insert(lineKey(l.shipmentReference, l.lotCode,
                                     QString::number(l.quantityKg.toString().toDouble()),
                                     toString(l.shipmentStatus)));
            QCOMPARE(lines, expected.lines);
            std::map<QString, double> customers;
            for (const wire::RecallCustomer &c : recall.customers)
                customers[c.customerCode] = c.quantityKg.toString().toDouble();
            QCOMPARE(customers, expected.customers);
            QCOMPARE(recall.customerCount, int(expected.customers.size()));
            // Every input link inside the set, with its kilograms.
            for (const wire::RecallInput &in : recall.inputs)
                QVERIFY(levels.count(in.parentCode) && levels.count(in.childCode));

            // In the database: every affected in-plant lot on HOLD, with the recall's reason in
            // the audit trail.
            for (const QString &code : expected.held) {
                QCOMPARE(
                    m_server->db().scalar(
                        QStringLiteral("SELECT status FROM lots WHERE lot_code = '%1'").arg(code)),
                    QStringLiteral("HOLD"));
                QCOMPARE(
                    m_server->db().scalar(
                        QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'lots' AND "
                                       "entity_key = '%1' AND new_values->>'status' = 'HOLD' AND "
                                       "reason LIKE 'recall %2: Listeria%'")
                            .arg(code, recall.reference)),
                    QStringLiteral("1"));
            }
            m_references << recall.reference;
            lastTraceMs = recall.traceMs.toString().toDouble();
        }
        // Monitoring: the recalls opened, the open ones, the newest one's time to trace.
        const Reply metrics = m_manager->get(QStringLiteral("/metrics"));
        QHash<QByteArray, double> values;
        for (const QByteArray &line : metrics.body.split('\n')) {
            const qsizetype space = line.indexOf(' ');
            if (!line.startsWith('#') && space > 0)
                values.insert(line.left(space), line.mid(space + 1).toDouble());
        }
        QCOMPARE(values.value("flowviz_recalls_opened_total{kind=\"recall\"}", -1), 3.0);
        QCOMPARE(values.value("flowviz_recalls_opened_total{kind=\"drill\"}", -1), 0.0);
        QCOMPARE(values.value("flowviz_recalls_open", -1), 3.0);
        QCOMPARE(values.value("flowviz_recall_last_trace_seconds{kind=\"recall\"}", -1),
                 lastTraceMs / 1000.0);
        QCOMPARE(values.value("flowviz_recall_last_trace_seconds{kind=\"drill\"}", -1), 0.0);
    }

    void aRecallIsIdempotentAndOneOpenPerLot()
    {
        const QString root = m_byLevel[1].at(0);
        const QList<QPair<QByteArray, QByteArray>> key{
            {"Idempotency-Key", "recall-" + root.toLatin1()}};
        const QJsonObject body = recallBody(root, QStringLiteral("Foreign body found at packing"));
        const Reply first = m_manager->post(kRecalls, body, key);
        FV_VERIFY_STATUS(first, 201);
        const Reply again = m_manager->post(kRecalls, body, key);
        FV_VERIFY_STATUS(again, 201);
        QCOMPARE(again.json(), first.json());
        const QString lotId = m_server->db().scalar(
            QStringLiteral("SELECT id FROM lots WHERE lot_code = %1").arg(quoted(root)));
        QCOMPARE(
            m_server->db().scalar(
                QStringLiteral("SELECT count(*) FROM recalls WHERE root_lot_id = '%1'").arg(lotId)),
            QStringLiteral("1"));
        // A second recall of the lot while the first is open: refused, naming the first.
        const Reply second = m_manager->post(kRecalls, body);
        FV_VERIFY_PROBLEM(second, 409);
        QVERIFY2(second.problemDetail().contains(
                     first.json().value(QStringLiteral("reference")).toString()),
                 qPrintable(describe(second)));
    }

    void refusals()
    {
        const QString root = m_byLevel[2].at(1);
        const QString reason = QStringLiteral("Metal detector failure on line 2");
        FV_VERIFY_PROBLEM(m_operator->post(kRecalls, recallBody(root, reason)), 403);
        FV_VERIFY_PROBLEM(m_auditor->post(kRecalls, recallBody(root, reason)), 403);
        FV_VERIFY_PROBLEM(
            m_manager->post(kRecalls, recallBody(QStringLiteral("NO-SUCH-LOT"), reason)), 404);
        const Reply shortReason =
            m_manager->post(kRecalls, recallBody(root, QStringLiteral("x   y")));
        FV_VERIFY_PROBLEM(shortReason, 422);
        QVERIFY(hasFieldError(shortReason, QStringLiteral("reason"),
                              QStringLiteral("reason.too_short")));
        // A NUL is refused, never cut off: "x" would pass nothing, "x\0…" must not pass either.
        FV_VERIFY_PROBLEM(
            m_manager->post(kRecalls, recallBody(root, QStringLiteral("x") + QChar(0) +
                                                           QStringLiteral("yyyyyyyyyyyy"))),
            422);
        QJsonObject extra = recallBody(root, reason);
        extra.insert(QStringLiteral("scope"), QStringLiteral("all"));
        FV_VERIFY_PROBLEM(m_manager->post(kRecalls, extra), 422);
        FV_VERIFY_PROBLEM(m_manager->post(kRecalls, recallBody(QStringLiteral("STRAßE-1"), reason)),
                          422);
        FV_VERIFY_PROBLEM(m_manager->get(kRecalls + QStringLiteral("/RC-999999")), 404);
        FV_VERIFY_PROBLEM(
            m_manager->get(kRecalls + u'/' + m_references.first() + QStringLiteral("?format=pdf")),
            400);
        FV_VERIFY_PROBLEM(m_operator->get(kRecalls), 403);
        FV_VERIFY_PROBLEM(m_manager->get(kRecalls + QStringLiteral("?status=open")), 400);
        QCOMPARE(m_server->db().scalar(QStringLiteral("SELECT count(*) FROM recalls WHERE "
                                                      "root_lot_id = (SELECT id FROM lots WHERE "
                                                      "lot_code = %1)")
                                           .arg(quoted(root))),
                 QStringLiteral("0"));
    }

    void auditorsReadAndExport()
    {
        const QString ref = m_references.first();
        const Reply json = m_auditor->get(kRecalls + u'/' + ref);
        FV_VERIFY_STATUS(json, 200);
        const wire::Recall recall = wire::Recall::fromJson(json.json());
        const Reply list = m_auditor->get(kRecalls + QStringLiteral("?status=OPEN"));
        FV_VERIFY_STATUS(list, 200);
        QStringList refs;
        for (const QJsonValue &v : list.json().value(QStringLiteral("items")).toArray())
            refs << v.toObject().value(QStringLiteral("reference")).toString();
        QVERIFY(refs.contains(ref));

        const Reply csv = m_auditor->get(kRecalls + u'/' + ref + QStringLiteral("?format=csv"));
        FV_VERIFY_STATUS(csv, 200);
        QVERIFY(csv.header("content-type").startsWith("text/csv"));
        const QList<QByteArray> rows = csv.body.split('\n');
        QCOMPARE(rows.first().trimmed(),
                 QByteArray("recall,customer_code,customer_name,contact,address,ship_to_code,"
                            "ship_to_address,shipment_reference,ship_date,shipment_status,"
                            "carrier,lot_code,quantity_kg"));
        QCOMPARE(csv.body.count("\r\n"), recall.shipments.size() + 1);
        // "+36 …" would be a formula in a spreadsheet: it is written as text.
        if (!recall.shipments.isEmpty())
            QVERIFY(csv.body.contains(",'+36 1 234 5678,"));

        const Reply xlsx = m_auditor->get(kRecalls + u'/' + ref + QStringLiteral("?format=xlsx"));
        FV_VERIFY_STATUS(xlsx, 200);
        QCOMPARE(xlsx.header("content-type"),
                 QByteArray("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        const QJsonObject book = readWorkbook(xlsx.body);
        QCOMPARE(book.keys().size(), 5);
        const QJsonArray customers = book.value(QStringLiteral("Customers to contact")).toArray();
        const QJsonArray shipments = book.value(QStringLiteral("Shipments")).toArray();
        const QJsonArray lots = book.value(QStringLiteral("Lots")).toArray();
        const QJsonArray kde = book.value(QStringLiteral("FSMA 204 KDE")).toArray();
        QCOMPARE(customers.size(), recall.customers.size() + 1);
        QCOMPARE(shipments.size(), recall.shipments.size() + 1);
        QCOMPARE(lots.size(), recall.lots.size() + 1);
        for (qsizetype i = 0; i < recall.customers.size(); ++i) {
            const QJsonArray row = customers.at(i + 1).toArray();
            QCOMPARE(row.at(0).toString(), recall.customers[i].customerCode);
            QCOMPARE(row.at(2).toString(), QStringLiteral("+36 1 234 5678"));
            QCOMPARE(row.at(6).toDouble(), recall.customers[i].quantityKg.toString().toDouble());
        }
        for (qsizetype i = 0; i < recall.lots.size(); ++i) {
            const QJsonArray row = lots.at(i + 1).toArray();
            QCOMPARE(row.at(0).toString(), recall.lots[i].lotCode);
            QCOMPARE(row.at(2).toInt(), recall.lots[i].level);
            QCOMPARE(row.at(5).toString(),
                     recall.lots[i].held ? QStringLiteral("yes") : QStringLiteral("no"));
        }
        // The key data elements: a transformation of every lot of the set made in the plant
        // from others, and a shipping event for every shipment line.
        int transformations = 0;
        int shipping = 0;
        for (qsizetype i = 1; i < kde.size(); ++i) {
            const QString event = kde.at(i).toArray().at(0).toString();
            transformations += event == u"TRANSFORMATION";
            shipping += event == u"SHIPPING";
        }
        int madeFromOthers = 0;
        for (const wire::RecallLot &l : recall.lots)
            madeFromOthers += l.lotType != LotType::RAW;
        QCOMPARE(transformations, madeFromOthers);
        QCOMPARE(shipping, int(recall.shipments.size()));
    }

    // The FSMA 204 sortable spreadsheet of one product over a date range: every receipt,
    // every lot made from others and every shipment line (of shipments not cancelled) of that
    // lot type in the range, the same as JSON, CSV and XLSX; bad ranges and roles refused.
    void kdeExportOfOneProduct()
    {
        TestDb &db = m_server->db();
        // A receipt for two RAW lots: one received in the range, one the day after it.
        db.exec(QStringLiteral("INSERT INTO suppliers (supplier_code, name, address) VALUES "
                               "('KDE-SUP', 'Puszta Hús Zrt.', 'Kecskemét')"));
        db.exec(QStringLiteral(
            "INSERT INTO lot_receipts (lot_id, supplier_id, supplier_lot_code, delivery_note, "
            "received_on) SELECT l.id, s.id, v.tlc, 'DN-' || v.tlc, v.day::date FROM (VALUES "
            "('RCT-RAW-0', 'sup-A1', '2026-12-03'), ('RCT-RAW-1', 'sup-B2', '2026-12-08')) "
            "v (lot, tlc, day) JOIN lots l ON l.lot_code = v.lot, suppliers s "
            "WHERE s.supplier_code = 'KDE-SUP'"));
        const QString shipped = QStringLiteral("/api/v1/kde-events?product=FG&from=2026-12-01"
                                               "&to=2026-12-07");
        const Reply json = m_auditor->get(shipped);
        FV_VERIFY_STATUS(json, 200);
        QCOMPARE(json.json().value(QStringLiteral("product")).toString(), QStringLiteral("FG"));
        // Brute force: the FG lines of shipments not cancelled, dated in the range.
        QSet<QString> expectedLines;
        for (const QStringList &row : db.query(QStringLiteral(
                 "SELECT s.reference, l.lot_code, sl.quantity_kg::text FROM shipment_lines sl "
                 "JOIN shipments s ON s.id = sl.shipment_id JOIN lots l ON l.id = sl.lot_id "
                 "WHERE l.lot_type = 'FG' AND s.status <> 'CANCELLED' "
                 "AND s.ship_date >= '2026-12-01' AND s.ship_date <= '2026-12-07'")))
            expectedLines.insert(row.join(u'|'));
        QSet<QString> lines;
        QSet<QString> madeHere;
        const QJsonArray events = json.json().value(QStringLiteral("events")).toArray();
        QString previousDay;
        for (const QJsonValue &v : events) {
            const QJsonObject e = v.toObject();
            const QString event = e.value(QStringLiteral("event")).toString();
            const QString day = e.value(QStringLiteral("date")).toString();
            QVERIFY2(day >= QStringLiteral("2026-12-01") && day <= QStringLiteral("2026-12-07"),
                     qPrintable(day));
            QVERIFY(day >= previousDay); // sorted by date
            previousDay = day;
            QCOMPARE(e.value(QStringLiteral("product")).toString(), QStringLiteral("FG"));
            if (event == u"SHIPPING") {
                const QString line =
                    e.value(QStringLiteral("reference_document")).toString() + u'|' +
                    e.value(QStringLiteral("traceability_lot_code")).toString() + u'|' +
                    QString::number(e.value(QStringLiteral("quantity_kg")).toDouble());
                QVERIFY2(!lines.contains(line), qPrintable(line));
                lines.insert(line);
                QVERIFY(e.value(QStringLiteral("location")).toString().contains(u"Kft."));
            } else {
                QCOMPARE(event, QStringLiteral("TRANSFORMATION"));
                madeHere.insert(e.value(QStringLiteral("traceability_lot_code")).toString());
                QVERIFY(!e.value(QStringLiteral("input_lots")).toString().isEmpty());
            }
        }
        // Decimals as the database keeps them: compare them as numbers.
        auto normalized = [](const QSet<QString> &in) {
            QSet<QString> out;
            for (const QString &l : in) {
                QStringList parts = l.split(u'|');
                parts[2] = QString::number(parts[2].toDouble(), 'f', 2);
                out.insert(parts.join(u'|'));
            }
            return out;
        };
        QCOMPARE(normalized(lines), normalized(expectedLines));
        QVERIFY(!lines.isEmpty());

        // Lots made from others on the days they were made (today, in UTC).
        const QString today = db.scalar(QStringLiteral("SELECT (now() AT TIME ZONE 'UTC')::date"));
        const QString yesterday =
            db.scalar(QStringLiteral("SELECT (now() AT TIME ZONE 'UTC')::date - 1"));
        const Reply made = m_auditor->get(
            QStringLiteral("/api/v1/kde-events?product=FRZ&from=%1&to=%2").arg(yesterday, today));
        FV_VERIFY_STATUS(made, 200);
        QSet<QString> frz;
        for (const QJsonValue &v : made.json().value(QStringLiteral("events")).toArray())
            if (v.toObject().value(QStringLiteral("event")).toString() == u"TRANSFORMATION")
                frz.insert(v.toObject().value(QStringLiteral("traceability_lot_code")).toString());
        QSet<QString> expectedFrz;
        for (const QStringList &row : db.query(
                 QStringLiteral(
                     "SELECT lot_code FROM lots l WHERE lot_type = 'FRZ' AND "
                     "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') IN ('%1', '%2') AND "
                     "l.id IN (SELECT child_lot_id FROM lot_genealogy)")
                     .arg(yesterday, today)))
            expectedFrz.insert(row[0]);
        QCOMPARE(frz, expectedFrz);
        QVERIFY(!frz.isEmpty());

        // Receiving: the supplier's lot code is the traceability lot code, the supplier its
        // source; the receipt dated after the range is not in it.
        const Reply received =
            m_auditor->get(QStringLiteral("/api/v1/kde-events?product=RAW&from=2026-12-01"
                                          "&to=2026-12-07&format=csv"));
        FV_VERIFY_STATUS(received, 200);
        QVERIFY(received.header("content-type").startsWith("text/csv"));
        QVERIFY(received.header("content-disposition")
                    .contains("flowviz-kde-RAW-2026-12-01-2026-12-07.csv"));
        QCOMPARE(received.body,
                 QByteArray("event,traceability_lot_code,traceability_lot_code_source,product,"
                            "quantity,unit_of_measure,date,location,reference_document,"
                            "input_lots,plant_lot_code\r\n"
                            "RECEIVING,sup-A1,\"Puszta Hús Zrt., Kecskemét\",RAW,100,kg,"
                            "2026-12-03,\"Puszta Hús Zrt., Kecskemét\",DN-sup-A1,,RCT-RAW-0\r\n"));

        // The same events as CSV records and as the workbook's rows.
        const Reply csv = m_auditor->get(shipped + QStringLiteral("&format=csv"));
        FV_VERIFY_STATUS(csv, 200);
        QCOMPARE(csv.body.count("\r\n"), events.size() + 1);
        const Reply xlsx = m_auditor->get(shipped + QStringLiteral("&format=xlsx"));
        FV_VERIFY_STATUS(xlsx, 200);
        const QJsonObject book = readWorkbook(xlsx.body);
        QCOMPARE(book.keys(),
                 (QStringList{QStringLiteral("FSMA 204 KDE"), QStringLiteral("Request")}));
        const QJsonArray rows = book.value(QStringLiteral("FSMA 204 KDE")).toArray();
        QCOMPARE(rows.size(), events.size() + 1);
        for (qsizetype i = 0; i < events.size(); ++i) {
            const QJsonObject e = events.at(i).toObject();
            const QJsonArray row = rows.at(i + 1).toArray();
            QCOMPARE(row.at(0).toString(), e.value(QStringLiteral("event")).toString());
            QCOMPARE(row.at(1).toString(),
                     e.value(QStringLiteral("traceability_lot_code")).toString());
            QCOMPARE(row.at(4).toDouble(), e.value(QStringLiteral("quantity_kg")).toDouble());
            QCOMPARE(row.at(6).toString(), e.value(QStringLiteral("date")).toString());
        }

        // Refused: no or an unknown product, a day that is not one, a range backwards or longer
        // than a year, and anyone who may not read recalls.
        for (const QString &query :
             {QStringLiteral("from=2026-12-01&to=2026-12-07"),
              QStringLiteral("product=fg&from=2026-12-01&to=2026-12-07"),
              QStringLiteral("product=FG&from=2026-12-1&to=2026-12-07"),
              QStringLiteral("product=FG&from=2026-02-30&to=2026-12-07"),
              QStringLiteral("product=FG&from=2026-12-07&to=2026-12-01"),
              QStringLiteral("product=FG&from=2025-12-01&to=2026-12-02"),
              QStringLiteral("product=FG&from=2026-12-01"),
              QStringLiteral("product=FG&from=2026-12-01&to=2026-12-07&format=pdf")}) {
            const Reply r = m_auditor->get(QStringLiteral("/api/v1/kde-events?") + query);
            FV_VERIFY_STATUS(r, 400);
            QVERIFY2(r.header("content-type").startsWith("application/problem+json"),
                     qPrintable(query));
        }
        FV_VERIFY_STATUS(m_auditor->get(QStringLiteral(
                             "/api/v1/kde-events?product=FG&from=2025-12-01&to=2026-12-01")),
                         200);
        FV_VERIFY_STATUS(m_operator->get(shipped), 403);
    }

    // A drill (a trace test) finds what a recall would, keeps it and its time, and changes no
    // lot; it runs beside an open recall of the same lot, and does not stop one.
    void aDrillFindsTheSameAndHoldsNothing()
    {
        const QString recalled =
            wire::Recall::fromJson(m_manager->get(kRecalls + u'/' + m_references.first()).json())
                .lotCode;
        for (const QString &root : {recalled, m_byLevel[0].at(11)}) {
            const Expected expected = bruteForce(root);
            const QString statuses = QStringLiteral(
                "SELECT string_agg(lot_code || '=' || status, ',' ORDER BY lot_code) FROM lots");
            const QString before = m_server->db().scalar(statuses);
            const int trail = rowCount(*m_server, QStringLiteral("audit_log"));
            QJsonObject body = recallBody(root, QStringLiteral("Yearly trace test, BRCGS 3.9.3"));
            body.insert(QStringLiteral("drill"), true);
            const Reply r = m_manager->post(kRecalls, body);
            FV_VERIFY_STATUS(r, 201);
            const wire::Recall drill = wire::Recall::fromJson(r.json());
            QVERIFY(drill.drill);
            QCOMPARE(drill.heldCount, 0);
            std::map<QString, int> levels;
            for (const wire::RecallLot &l : drill.lots) {
                levels[l.lotCode] = l.level;
                QVERIFY(!l.held);
            }
            QCOMPARE(levels, expected.levels);
            QCOMPARE(drill.customerCount, int(expected.customers.size()));
            QCOMPARE(m_server->db().scalar(statuses), before);
            // Only the drill's own row is in the trail.
            QCOMPARE(rowCount(*m_server, QStringLiteral("audit_log")), trail + 1);
            m_drills << drill.reference;
        }
        // A real recall of a lot with an open drill is not refused.
        const QString root = m_byLevel[0].at(11);
        if (m_server->db().scalar(QStringLiteral("SELECT count(*) FROM recalls WHERE NOT drill "
                                                 "AND status = 'OPEN' AND root_lot_id = (SELECT "
                                                 "id FROM lots WHERE lot_code = %1)")
                                      .arg(quoted(root))) == u"0")
            FV_VERIFY_STATUS(
                m_manager->post(kRecalls,
                                recallBody(root, QStringLiteral("Lab result after drill"))),
                201);
        const Reply drills = m_auditor->get(kRecalls + QStringLiteral("?drill=true"));
        FV_VERIFY_STATUS(drills, 200);
        QStringList refs;
        for (const QJsonValue &v : drills.json().value(QStringLiteral("items")).toArray()) {
            QVERIFY(v.toObject().value(QStringLiteral("drill")).toBool());
            refs << v.toObject().value(QStringLiteral("reference")).toString();
        }
        QCOMPARE(QSet<QString>(refs.begin(), refs.end()),
                 QSet<QString>(m_drills.begin(), m_drills.end()));
        FV_VERIFY_PROBLEM(m_auditor->get(kRecalls + QStringLiteral("?drill=yes")), 400);
        QJsonObject notBool = recallBody(root, QStringLiteral("Yearly trace test, BRCGS 3.9.3"));
        notBool.insert(QStringLiteral("drill"), QStringLiteral("true"));
        FV_VERIFY_PROBLEM(m_manager->post(kRecalls, notBool), 422);
        const Reply metrics = m_manager->get(QStringLiteral("/metrics"));
        QVERIFY(metrics.body.contains("flowviz_recalls_opened_total{kind=\"drill\"} 2"));
    }

    void aRecallClosesOnceAndIsNeverRewritten()
    {
        const QString ref = m_references.first();
        const QString close = kRecalls + u'/' + ref + QStringLiteral("/close");
        FV_VERIFY_PROBLEM(
            m_operator->post(close, QJsonObject{{QStringLiteral("note"),
                                                 QStringLiteral("All customers were called")}}),
            403);
        FV_VERIFY_PROBLEM(
            m_manager->post(close, QJsonObject{{QStringLiteral("note"), QStringLiteral("done")}}),
            422);
        const Reply closed = m_manager->post(
            close, QJsonObject{{QStringLiteral("note"),
                                QStringLiteral("All customers called; stock returned")}});
        FV_VERIFY_STATUS(closed, 200);
        QCOMPARE(closed.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("CLOSED"));
        QCOMPARE(closed.json().value(QStringLiteral("closed_by")).toString(),
                 QStringLiteral("manager"));
        FV_VERIFY_PROBLEM(
            m_manager->post(close, QJsonObject{{QStringLiteral("note"),
                                                QStringLiteral("Closed a second time")}}),
            409);

        const QString id = m_server->db().scalar(
            QStringLiteral("SELECT id FROM recalls WHERE reference = %1").arg(quoted(ref)));
        for (const QString &sql :
             {QStringLiteral("UPDATE recalls SET reason = 'rewritten reason' WHERE id = '%1'"),
              QStringLiteral("UPDATE recalls SET status = 'OPEN', closed_at = NULL, "
                             "closed_by = NULL, close_note = NULL WHERE id = '%1'"),
              QStringLiteral("DELETE FROM recalls WHERE id = '%1'"),
              QStringLiteral("UPDATE recall_lots SET lvl = lvl + 1 WHERE recall_id = '%1'"),
              QStringLiteral("DELETE FROM recall_lines WHERE recall_id = '%1'"),
              QStringLiteral("DELETE FROM recall_holds WHERE recall_id = '%1'"),
              QStringLiteral("TRUNCATE recall_lots CASCADE -- recall %1")}) {
            const QString outcome = trySql(*m_server, sql.arg(id));
            QVERIFY2(outcome.startsWith(QStringLiteral("42501")), qPrintable(sql + u' ' + outcome));
        }
        QCOMPARE(m_server->db().scalar(
                     QStringLiteral("SELECT count(*) FROM audit_log WHERE entity = 'recalls' AND "
                                    "entity_key = %1")
                         .arg(quoted(ref))),
                 QStringLiteral("2")); // opened, closed

        // Closed, the lot can be recalled again.
        const QString root = wire::Recall::fromJson(closed.json()).lotCode;
        FV_VERIFY_STATUS(
            m_manager->post(kRecalls,
                            recallBody(root, QStringLiteral("Second complaint, lab 4712"))),
            201);
    }

private:
    static QString lineKey(const QString &shipment, const QString &lot, const QString &kg,
                           const QString &status)
    {
        return shipment + u'|' + lot + u'|' + kg + u'|' + status;
    }

    // 7 levels of 12 lots, each made from 1 to 3 lots of earlier levels; then 9 shipments of
    // FRZ and FG lots to three customers: dispatched, open and cancelled ones.
    void buildGenealogy()
    {
        QStringList lots;
        QStringList links;
        for (int level = 0; level < kTypes.size(); ++level) {
            for (int i = 0; i < 12; ++i) {
                const QString code = QStringLiteral("RCT-%1-%2").arg(kTypes[level]).arg(i);
                m_byLevel[level] << code;
                lots << QStringLiteral("(%1, %2, %3, 100.00)")
                            .arg(quoted(code), quoted(kTypes[level]),
                                 quoted(kStatuses[int(m_random.bounded(kStatuses.size()))]));
                if (level == 0)
                    continue;
                QSet<QString> parents;
                const int count = 1 + int(m_random.bounded(3));
                for (int p = 0; p < count; ++p) {
                    // Mostly the level just above, sometimes further up.
                    const int from =
                        m_random.bounded(4) == 0 ? int(m_random.bounded(level)) : level - 1;
                    parents.insert(m_byLevel[from].at(int(m_random.bounded(12))));
                }
                for (const QString &parent : parents)
                    links << QStringLiteral("(%1, %2)").arg(quoted(parent), quoted(code));
            }
        }
        m_server->db().exec(
            QStringLiteral("INSERT INTO lots (lot_code, lot_type, status, weight_kg) VALUES ") +
            lots.join(u','));
        m_server->db().exec(
            QStringLiteral("INSERT INTO lot_genealogy (parent_lot_id, child_lot_id, "
                           "quantity_used_kg) SELECT p.id, c.id, 1 FROM (VALUES ") +
            links.join(u',') +
            QStringLiteral(") AS v (parent, child) JOIN lots p ON p.lot_code = v.parent "
                           "JOIN lots c ON c.lot_code = v.child"));
        const QStringList customers{QStringLiteral("SPAR"), QStringLiteral("METRO"),
                                    QStringLiteral("TESCO")};
        QHash<QString, int> left; // kg of a lot not yet on a shipment
        for (int s = 0; s < 9; ++s) {
            const QString ref = QStringLiteral("RCT-SHP-%1").arg(s);
            m_server->db().exec(QStringLiteral("INSERT INTO shipments (reference, customer_id, "
                                               "ship_date) SELECT %1, id, DATE '2026-12-0%2' "
                                               "FROM customers WHERE customer_code = %3")
                                    .arg(quoted(ref))
                                    .arg(1 + s % 7)
                                    .arg(quoted(customers[s % 3])));
            QSet<QString> onShipment;
            for (int n = 0; n < 4; ++n) {
                const int level = 5 + int(m_random.bounded(2));
                const QString lot = m_byLevel[level].at(int(m_random.bounded(12)));
                const int have = left.value(lot, 100);
                if (onShipment.contains(lot) || have < 10)
                    continue;
                // Now and then all that is left of the lot, so that some lots leave the plant.
                const int kg =
                    m_random.bounded(3) == 0 ? have : 10 + int(m_random.bounded(have - 9));
                left[lot] = have - kg;
                onShipment.insert(lot);
                m_server->db().exec(QStringLiteral("INSERT INTO shipment_lines (shipment_id, "
                                                   "lot_id, quantity_kg) SELECT s.id, l.id, %3 "
                                                   "FROM shipments s, lots l WHERE s.reference = "
                                                   "%1 AND l.lot_code = %2")
                                        .arg(quoted(ref), quoted(lot))
                                        .arg(kg));
            }
            if (s % 3 != 2)
                m_server->db().exec(QStringLiteral("UPDATE shipments SET status = 'DISPATCHED', "
                                                   "dispatched_at = now() WHERE reference = %1")
                                        .arg(quoted(ref)));
            else if (s == 8)
                m_server->db().exec(QStringLiteral("UPDATE shipments SET status = 'CANCELLED', "
                                                   "cancelled_at = now() WHERE reference = %1")
                                        .arg(quoted(ref)));
        }
    }

    QString biggestRawRoot()
    {
        QString best;
        size_t most = 0;
        for (const QString &code : m_byLevel[0]) {
            const size_t size = bruteForce(code).levels.size();
            if (size > most) {
                most = size;
                best = code;
            }
        }
        return best;
    }

    // Reads the lots, links and lines as they are now and walks them breadth first.
    Expected bruteForce(const QString &root)
    {
        QHash<QString, QStringList> children;
        for (const QStringList &row : m_server->db().query(
                 QStringLiteral("SELECT p.lot_code, c.lot_code FROM lot_genealogy g JOIN lots p ON "
                                "p.id = g.parent_lot_id JOIN lots c ON c.id = g.child_lot_id")))
            children[row[0]] << row[1];
        QHash<QString, std::pair<QString, double>> lots; // status, weight
        for (const QStringList &row :
             m_server->db().query(QStringLiteral("SELECT lot_code, status, weight_kg FROM lots")))
            lots.insert(row[0], {row[1], row[2].toDouble()});
        struct Line
        {
            QString shipment, lot, kg, status, customer;
        };
        QList<Line> allLines;
        for (const QStringList &row : m_server->db().query(QStringLiteral(
                 "SELECT s.reference, l.lot_code, sl.quantity_kg::text, s.status, "
                 "c.customer_code FROM shipment_lines sl JOIN shipments s ON s.id = "
                 "sl.shipment_id JOIN lots l ON l.id = sl.lot_id JOIN customers c ON c.id = "
                 "s.customer_id")))
            allLines.append({row[0], row[1], row[2], row[3], row[4]});

        Expected e;
        QStringList frontier{root};
        e.levels[root] = 0;
        for (int level = 1; !frontier.isEmpty(); ++level) {
            QStringList next;
            for (const QString &lot : frontier)
                for (const QString &child : children.value(lot))
                    if (!e.levels.count(child)) {
                        e.levels[child] = level;
                        next << child;
                    }
            frontier = next;
        }
        QHash<QString, double> dispatched;
        for (const Line &l : allLines) {
            if (!e.levels.count(l.lot) || l.status == u"CANCELLED")
                continue;
            e.lines.insert(lineKey(l.shipment, l.lot, QString::number(l.kg.toDouble()), l.status));
            e.customers[l.customer] += l.kg.toDouble();
            if (l.status == u"DISPATCHED")
                dispatched[l.lot] += l.kg.toDouble();
        }
        static const QSet<QString> holdable{QStringLiteral("CREATED"), QStringLiteral("QUARANTINE"),
                                            QStringLiteral("RELEASED"), QStringLiteral("FINISHED")};
        for (const auto &[code, level] : e.levels) {
            const auto &[status, weight] = lots.value(code);
            if (holdable.contains(status) && weight > dispatched.value(code) + 0.001)
                e.held.insert(code);
        }
        return e;
    }

    QRandomGenerator m_random;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_manager;
    std::unique_ptr<HttpClient> m_operator;
    std::unique_ptr<HttpClient> m_auditor;
    QStringList m_byLevel[7];
    QStringList m_references;
    QStringList m_drills;
};

QTEST_GUILESS_MAIN(TestRecallApi)
#include "tst_recallapi.moc"
