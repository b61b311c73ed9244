#include "ui/labels/labelrenderer.h"
#include "ui/labels/qrcode.h"

#include <QApplication>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using flowviz::Decimal;
using flowviz::LotType;
using flowviz::ui::LabelRenderer;
using flowviz::ui::LotLabel;
using flowviz::ui::QrCode;

namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

QString tool(const char *path)
{
    return QString::fromLocal8Bit(path);
}

bool haveTool(const char *path)
{
    return !tool(path).isEmpty() && !tool(path).endsWith(QStringLiteral("NOTFOUND"));
}

// Runs a tool and returns its standard output; fails the test on a non-zero exit.
QByteArray run(const QString &program, const QStringList &args)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(60'000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning().noquote() << program << args.join(u' ')
                             << "failed:" << process.readAllStandardError();
        return {};
    }
    return process.readAllStandardOutput();
}

LotLabel sampleLabel(const QString &code)
{
    LotLabel label;
    label.code = code;
    label.type = LotType::BULK;
    label.weightKg = Decimal::parse(u"12.50");
    label.date = QDate(2026, 1, 14);
    label.operatorName = QStringLiteral("Kovács Anna");
    return label;
}

// Decodes every QR code in a PNG with zbarimg; one line per symbol.
QStringList decodeQr(const QString &png)
{
    const QByteArray out =
        run(tool(FLOWVIZ_ZBARIMG),
            {QStringLiteral("--quiet"), QStringLiteral("--raw"), QStringLiteral("-Sdisable"),
             QStringLiteral("-Sqrcode.enable"), png});
    return QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
}

} // namespace

class TestLabelRenderer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void qrEncoding();
    void pdfPageSizeAndQrDecodes_data();
    void pdfPageSizeAndQrDecodes();
    void paintsCrispQrOnImage();
    void textFitsTheLabel();
    void refusesWhatCannotPrint();
    void weightUsesLocaleDecimalPoint();
};

void TestLabelRenderer::initTestCase()
{
    QVERIFY2(haveTool(FLOWVIZ_PDFTOPPM) && haveTool(FLOWVIZ_PDFINFO) && haveTool(FLOWVIZ_ZBARIMG),
             "pdftoppm/pdfinfo (poppler-utils) and zbarimg (zbar-tools) are needed: run "
             "deploy/dev/install-deps.sh and configure again");
}

void TestLabelRenderer::qrEncoding()
{
    QVERIFY(QrCode::encode(QString()).isNull());
    QVERIFY(QrCode::encode(QString(5000, u'A')).isNull()); // beyond version 40
    const QrCode code = QrCode::encode(QStringLiteral("BULK-20260114-DUNA01-5001"));
    QVERIFY(!code.isNull());
    QCOMPARE(code.size(), 25); // 25 bytes at level M fit version 2 (25 × 25 modules)
    // The finder pattern's corner modules are dark, the separator beside them light.
    QVERIFY(code.isDark(0, 0));
    QVERIFY(code.isDark(6, 6));
    QVERIFY(!code.isDark(7, 7));
    QVERIFY(!code.isDark(-1, 0));
}

void TestLabelRenderer::pdfPageSizeAndQrDecodes_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QSizeF>("sizeMm");
    QTest::newRow("default 100 x 50")
        << QStringLiteral("BULK-20260114-DUNA01-5001") << LabelRenderer::defaultSizeMm();
    QTest::newRow("small 60 x 40, QR above text")
        << QStringLiteral("RAW-20260101-DUNA01-0001") << QSizeF(60, 40);
    QTest::newRow("square 50 x 50")
        << QStringLiteral("FG-20261231-SZEGED02-123456") << QSizeF(50, 50);
    QTest::newRow("wide 150 x 70") << QStringLiteral("MIX-20260114-DUNA01-0007") << QSizeF(150, 70);
}

void TestLabelRenderer::pdfPageSizeAndQrDecodes()
{
    QFETCH(QString, code);
    QFETCH(QSizeF, sizeMm);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pdf = dir.filePath(QStringLiteral("label.pdf"));

    LabelRenderer renderer;
    QVERIFY2(renderer.printToPdf(pdf, sampleLabel(code), sizeMm),
             qPrintable(renderer.errorString()));

    // The page is the label: exactly its size, in points, not rotated.
    const QString info = QString::fromUtf8(run(tool(FLOWVIZ_PDFINFO), {pdf}));
    const QRegularExpression pageSize(QStringLiteral(R"(Page size:\s+([\d.]+) x ([\d.]+) pts)"));
    const auto match = pageSize.match(info);
    QVERIFY2(match.hasMatch(), qPrintable(info));
    QVERIFY(qAbs(match.captured(1).toDouble() - sizeMm.width() * kPointsPerMm) < 0.5);
    QVERIFY(qAbs(match.captured(2).toDouble() - sizeMm.height() * kPointsPerMm) < 0.5);
    QVERIFY(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))));

    // Rasterised at 300 dpi, as a scanner sees a printed label, the QR reads back the code.
    const QString prefix = dir.filePath(QStringLiteral("label"));
    run(tool(FLOWVIZ_PDFTOPPM),
        {QStringLiteral("-r"), QStringLiteral("300"), QStringLiteral("-png"),
         QStringLiteral("-singlefile"), pdf, prefix});
    const QImage image(prefix + QStringLiteral(".png"));
    QVERIFY(!image.isNull());
    QVERIFY(qAbs(image.width() - sizeMm.width() / 25.4 * 300) <= 2);
    QVERIFY(qAbs(image.height() - sizeMm.height() / 25.4 * 300) <= 2);
    QCOMPARE(decodeQr(prefix + QStringLiteral(".png")), QStringList{code});
}

void TestLabelRenderer::paintsCrispQrOnImage()
{
    // A screen-sized preview: whole-pixel modules, pure black and white inside the symbol.
    QImage image(400, 200, QImage::Format_RGB32);
    image.fill(Qt::gray);
    {
        QPainter painter(&image);
        LabelRenderer::paint(&painter, QRectF(0, 0, 400, 200),
                             sampleLabel(QStringLiteral("SKW-20260114-DUNA01-0042")));
    }
    // The QR square sits at the left, inside the margin (6 % of the height), the text column
    // starts right of x = 155.
    const QRect qrArea(12, 12, 140, 176);
    int grey = 0;
    for (int y = qrArea.top(); y <= qrArea.bottom(); ++y) {
        for (int x = qrArea.left(); x <= qrArea.right(); ++x) {
            const QRgb px = image.pixel(x, y);
            if (px != qRgb(0, 0, 0) && px != qRgb(255, 255, 255))
                ++grey;
        }
    }
    QCOMPARE(grey, 0);

    QTemporaryDir dir;
    const QString png = dir.filePath(QStringLiteral("preview.png"));
    QVERIFY(image.save(png));
    QCOMPARE(decodeQr(png), QStringList{QStringLiteral("SKW-20260114-DUNA01-0042")});
}

void TestLabelRenderer::textFitsTheLabel()
{
    // Long texts shrink rather than spill: nothing is drawn outside the label's rectangle,
    // and the text column does carry ink.
    LotLabel label = sampleLabel(QStringLiteral("BULK-20260114-DUNA01-5001"));
    label.operatorName = QStringLiteral("Dr. Nagy-Szentgyörgyi Katalin Erzsébet Mária");
    QImage image(600, 300, QImage::Format_RGB32);
    image.fill(Qt::red);
    const QRect labelRect(50, 50, 500, 200);
    {
        QPainter painter(&image);
        LabelRenderer::paint(&painter, labelRect, label);
    }
    int inkInText = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QRgb px = image.pixel(x, y);
            if (!labelRect.contains(x, y))
                QCOMPARE(px, qRgb(255, 0, 0));
            else if (x > labelRect.left() + 220 && qGray(px) < 128)
                ++inkInText;
        }
    }
    QVERIFY(inkInText > 500);
}

void TestLabelRenderer::refusesWhatCannotPrint()
{
    QTemporaryDir dir;
    LabelRenderer renderer;
    QVERIFY(!renderer.printToPdf(dir.filePath(QStringLiteral("a.pdf")), sampleLabel(QString())));
    QVERIFY(!renderer.errorString().isEmpty());

    QVERIFY(!renderer.printToPdf(dir.filePath(QStringLiteral("b.pdf")),
                                 sampleLabel(QStringLiteral("LOT-1")), QSizeF(5, 5)));
    QVERIFY(renderer.errorString().contains(QStringLiteral("settings")));

    QVERIFY(!renderer.printToPdf(dir.filePath(QStringLiteral("missing/dir/c.pdf")),
                                 sampleLabel(QStringLiteral("LOT-1"))));
    QVERIFY(!renderer.errorString().isEmpty());
}

void TestLabelRenderer::weightUsesLocaleDecimalPoint()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Hungarian, QLocale::Hungary));
    QCOMPARE(LabelRenderer::formatWeight(*Decimal::parse(u"12.50")), QStringLiteral("12,50 kg"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QCOMPARE(LabelRenderer::formatWeight(*Decimal::parse(u"12.50")), QStringLiteral("12.50 kg"));
    QCOMPARE(LabelRenderer::formatWeight(*Decimal::parse(u"480")), QStringLiteral("480.00 kg"));
    QCOMPARE(LabelRenderer::formatWeight(*Decimal::parse(u"0.125")), QStringLiteral("0.125 kg"));
    QLocale::setDefault(before);
}

QTEST_MAIN(TestLabelRenderer)
#include "tst_labelrenderer.moc"
