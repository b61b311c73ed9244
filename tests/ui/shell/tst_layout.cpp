// The console at the screen sizes of the shop floor (1024 × 700 and 1366 × 768, no window
// manager maximising it), in English and Hungarian, over the real app core and a real
// flowviz-server: every page's visible labels and buttons show their whole text (nothing
// clipped or elided, the QC gate buttons included), the window is not forced larger than the
// screen, the signature dialog shows its whole message, and every symbol the console shows is in
// the font it draws with (no empty boxes).

#include "tests/support/httpclient.h"
#include "tests/support/testserver.h"
#include "tests/ui/shell/shellfixture.h"

#include "app/core/consolecore.h"
#include "app/qc/decisionrecorder.h"
#include "app/registration/lotregistrar.h"
#include "app/registration/rulemessages.h"
#include "app/sync/syncengine.h"
#include "ui/common/statusbadge.h"
#include "ui/dispatch/dispatchpage.h"
#include "ui/i18n/languagemanager.h"
#include "ui/lots/lotspage.h"
#include "ui/lots/registerlotpage.h"
#include "ui/qc/qcdecisionpage.h"
#include "ui/qc/signaturedialog.h"
#include "ui/recalls/recallspage.h"
#include "ui/settings/settingspage.h"
#include "ui/shell/consolepages.h"
#include "ui/shell/mainwindow.h"
#include "ui/supervisor/supervisorpage.h"
#include "ui/suppliers/supplierspage.h"
#include "ui/sync/syncpage.h"
#include "ui/trace/tracepage.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QFontInfo>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRawFont>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleOptionButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>

using namespace flowviz;
using flowviz::test::HttpClient;
using flowviz::test::Reply;
using flowviz::test::ShellFixture;
using flowviz::test::TestServer;

namespace {

QString describe(const QWidget *w)
{
    QStringList path;
    for (const QObject *o = w; o; o = o->parent()) {
        if (!o->objectName().isEmpty())
            path.prepend(o->objectName());
        if (path.size() == 3)
            break;
    }
    return QStringLiteral("%1 (%2)").arg(QString::fromLatin1(w->metaObject()->className()),
                                         path.isEmpty() ? QStringLiteral("unnamed")
                                                        : path.join(QLatin1Char('/')));
}

// Button text as drawn: "&&" is one "&", a single "&" marks the mnemonic and is not drawn.
QString drawnText(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text;
}

// Empty when the button shows all of its text; else what is cut and by how much.
QString buttonProblem(QAbstractButton *b)
{
    const QString text = drawnText(b->text());
    if (text.isEmpty())
        return {};
    QSize need;
    QSize have;
    if (auto *p = qobject_cast<QPushButton *>(b)) {
        QStyleOptionButton opt;
        opt.initFrom(p);
        opt.text = p->text();
        opt.icon = p->icon();
        opt.iconSize = p->iconSize();
        if (p->isFlat())
            opt.features |= QStyleOptionButton::Flat;
        if (p->isDefault())
            opt.features |= QStyleOptionButton::DefaultButton;
        if (p->menu())
            opt.features |= QStyleOptionButton::HasMenu;
        have = p->style()->subElementRect(QStyle::SE_PushButtonContents, &opt, p).size();
        const QFontMetrics fm(p->font());
        int width = 0;
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (const QString &line : lines)
            width = std::max(width, fm.horizontalAdvance(line));
        if (!p->icon().isNull())
            width += p->iconSize().width() + 4;
        need = QSize(width, int(lines.size()) * fm.height());
    } else {
        need = b->sizeHint();
        have = b->size();
    }
    if (need.width() <= have.width() && need.height() <= have.height())
        return {};
    return QStringLiteral("%1 \"%2\": needs %3×%4 px, has %5×%6")
        .arg(describe(b), text.simplified())
        .arg(need.width())
        .arg(need.height())
        .arg(have.width())
        .arg(have.height());
}

QString labelProblem(QLabel *l)
{
    if (l->text().isEmpty())
        return {};
    // A word-wrapped label needs its longest word in a line and all its lines in its height;
    // any other label its one line.
    const int needWidth = l->wordWrap() ? l->minimumSizeHint().width() : l->sizeHint().width();
    const int needHeight = l->heightForWidth(l->width());
    if (needWidth <= l->width() && needHeight <= l->height())
        return {};
    return QStringLiteral("%1 \"%2\": needs %3×%4 px, has %5×%6")
        .arg(describe(l), l->text().simplified().left(80))
        .arg(needWidth)
        .arg(needHeight)
        .arg(l->width())
        .arg(l->height());
}

// Every visible label and button under `root` whose text does not fit.
QStringList clippedTexts(QWidget *root)
{
    QStringList problems;
    const auto widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(root) || w->window() != root->window())
            continue;
        QString problem;
        if (auto *b = qobject_cast<QAbstractButton *>(w))
            problem = buttonProblem(b);
        else if (auto *l = qobject_cast<QLabel *>(w))
            problem = labelProblem(l);
        if (!problem.isEmpty())
            problems << problem;
    }
    return problems;
}

void settleLayouts()
{
    // Layout requests are posted events; a few rounds let nested layouts and word-wrapped
    // labels (height for width) settle.
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

} // namespace

class TestLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        ShellFixture::keepSettingsIn(m_dir);
        m_server = ShellFixture::makeServer(QStringLiteral("tst_layout"));
        QVERIFY2(m_server->start(), qPrintable(m_server->serverOutput()));
        HttpClient manager(m_server->baseUrl());
        QVERIFY(manager.login(QStringLiteral("manager"),
                              TestServer::passwordOf(QStringLiteral("manager"))));
        // A frozen lot with a long code, with a HOLD already recorded at the Freezing CCP: the
        // lot card shows a long code and status, the stepper every gate's state.
        const Reply lot =
            manager.post(QStringLiteral("/api/v1/lots"),
                         {{QStringLiteral("lot_code"), m_lot},
                          {QStringLiteral("lot_type"), QStringLiteral("FRZ")},
                          {QStringLiteral("weight_kg"), QStringLiteral("118.25")},
                          {QStringLiteral("temperature_c"), QStringLiteral("-18.5")}});
        QVERIFY2(lot.status == 201, lot.body.constData());
        const Reply hold = manager.post(
            QStringLiteral("/api/v1/qc-decisions"),
            {{QStringLiteral("lot_code"), m_lot},
             {QStringLiteral("gate_number"), 1},
             {QStringLiteral("decision"), QStringLiteral("HOLD")},
             {QStringLiteral("notes"), QStringLiteral("Label torn, waiting for the supplier.")}});
        QVERIFY2(hold.status == 201, hold.body.constData());
        // A lot to take material from: the register page lists it with its status and a
        // Remove button.
        const Reply parent =
            manager.post(QStringLiteral("/api/v1/lots"),
                         {{QStringLiteral("lot_code"), m_parentLot},
                          {QStringLiteral("lot_type"), QStringLiteral("RAW")},
                          {QStringLiteral("weight_kg"), QStringLiteral("25.40")},
                          {QStringLiteral("temperature_c"), QStringLiteral("2.0")}});
        QVERIFY2(parent.status == 201, parent.body.constData());

        m_core = ShellFixture::makeCore(*m_server, QStringLiteral("03"),
                                        m_dir.filePath(QStringLiteral("data")));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        m_window = ui::ConsolePages::mainWindow(*m_core, &m_languages);
        m_registrar = std::make_unique<app::LotRegistrar>(
            m_core->cache(), m_core->outbox(), m_core->codes(), m_core->settings().workstationId());
        m_register = new ui::RegisterLotPage(m_registrar.get());
        m_window->addPage(QStringLiteral("register"), QStringLiteral("Register lot"), m_register);
        m_recorder = std::make_unique<app::DecisionRecorder>(m_core->cache(), m_core->outbox(),
                                                             m_core->api(), m_core->session(),
                                                             m_core->settings().workstationId());
        m_qc = new ui::QcDecisionPage(m_recorder.get());
        m_window->addPage(QStringLiteral("qc"), QStringLiteral("QC decision"), m_qc);
        m_window->addPage(QStringLiteral("lots"), QStringLiteral("Lots"),
                          ui::ConsolePages::lots(*m_core));
        m_window->addPage(QStringLiteral("trace"), QStringLiteral("Traceability"),
                          ui::ConsolePages::trace(*m_core));
        m_window->addPage(QStringLiteral("supervisor"), QStringLiteral("Supervisor"),
                          ui::ConsolePages::supervisor(*m_core));
        m_window->addPage(QStringLiteral("suppliers"), QStringLiteral("Suppliers"),
                          ui::ConsolePages::suppliers(*m_core));
        m_window->addPage(QStringLiteral("dispatch"), QStringLiteral("Dispatch"),
                          ui::ConsolePages::dispatch(*m_core));
        m_window->addPage(QStringLiteral("recalls"), QStringLiteral("Recalls"),
                          ui::ConsolePages::recalls(*m_core));
        m_window->addPage(QStringLiteral("sync"), QStringLiteral("Sync"),
                          ui::ConsolePages::sync(*m_core));
        m_window->addPage(QStringLiteral("settings"), QStringLiteral("Settings"),
                          ui::ConsolePages::settings(*m_core));
        m_window->resize(1024, 700);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

        auto *user = m_window->findChild<QLineEdit *>(QStringLiteral("userEdit"));
        auto *password = m_window->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
        QVERIFY(user && password);
        user->setText(QStringLiteral("manager"));
        password->setText(TestServer::passwordOf(QStringLiteral("manager")));
        QTest::mouseClick(m_window->findChild<QPushButton *>(QStringLiteral("loginButton")),
                          Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLocked(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_core->cache()->gates().isEmpty(), 20000);
        m_window->showPage(QStringLiteral("register"));
        QTRY_VERIFY_WITH_TIMEOUT(m_core->cache()->lot(m_parentLot).has_value(), 20000);
        // A debone lot with a parent: the parents' table (a RAW lot shows its receipt instead,
        // checked in tst_registerlotpage).
        m_register->typeCombo()->setCurrentIndex(
            m_register->typeCombo()->findData(QStringLiteral("DEB")));
        m_register->handleScan(m_parentLot);
        QTRY_VERIFY_WITH_TIMEOUT(m_register->findChild<ui::StatusBadge *>(), 20000);
    }

    void cleanupTestCase()
    {
        m_languages.setLanguage(QStringLiteral("en"));
        m_window.reset();
        m_recorder.reset();
        m_registrar.reset();
        m_core.reset();
        m_server.reset();
    }

    void everyTextFitsOnEveryPage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QSize>("size");
        for (const QString &language : {QStringLiteral("en"), QStringLiteral("hu")})
            for (const QSize size : {QSize(1024, 700), QSize(1366, 768)})
                QTest::addRow("%s-%dx%d", qPrintable(language), size.width(), size.height())
                    << language << size;
    }

    void everyTextFitsOnEveryPage()
    {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        QVERIFY(m_languages.setLanguage(language));
        m_window->resize(size);
        settleLayouts();
        // The console fits the screen: its layouts do not demand a larger window.
        QCOMPARE(m_window->size(), size);

        m_window->showPage(QStringLiteral("qc"));
        m_qc->handleScan(m_lot);
        QTRY_COMPARE_WITH_TIMEOUT(m_qc->currentLot(), m_lot, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_qc->gateStateText(1).contains(app::RuleMessages::decisionName(Decision::HOLD)),
            20000);
        m_qc->setCurrentGate(7); // the CCP: temperature and corrective action fields too

        QStringList problems;
        for (const QString &id : m_window->pageIds()) {
            if (!m_window->isPageAvailable(id))
                continue;
            m_window->showPage(id);
            settleLayouts();
            QCOMPARE(m_window->size(), size);
            for (const QString &p : clippedTexts(m_window.get()))
                problems << QStringLiteral("%1: %2").arg(id, p);
        }
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));
    }

    void signatureDialogShowsItsWholeMessage_data() { everyTextFitsOnEveryPage_data(); }

    void signatureDialogShowsItsWholeMessage()
    {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        QVERIFY(m_languages.setLanguage(language));
        m_window->resize(size);
        m_window->showPage(QStringLiteral("qc"));
        // A FAIL at the Freezing CCP is signed; a wrong password leaves the dialog open with
        // the reason.
        m_qc->handleScan(m_lot);
        QTRY_COMPARE_WITH_TIMEOUT(m_qc->currentLot(), m_lot, 20000);
        m_qc->setCurrentGate(7);
        m_qc->notesEdit()->setPlainText(QStringLiteral("Core at -5.0 °C after four hours."));
        m_qc->correctiveActionEdit()->setPlainText(
            QStringLiteral("Back to the blast freezer; door seal checked."));
        m_qc->temperatureEdit()->setText(QLocale().toString(-5.0, 'f', 1));
        m_qc->decide(Decision::FAIL);
        QPointer<ui::SignatureDialog> dialog = m_qc->signatureDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->passwordEdit()->setText(QStringLiteral("not-the-password"));
        dialog->signButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && !dialog->message().isEmpty(), 30000);
        settleLayouts();
        const QStringList problems = clippedTexts(dialog);
        const QSize dialogSize = dialog->size();
        dialog->reject();
        m_qc->notesEdit()->clear();
        m_qc->correctiveActionEdit()->clear();
        m_qc->temperatureEdit()->clear();
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));
        QVERIFY(dialogSize.width() <= size.width() && dialogSize.height() <= size.height());
    }

    void everySymbolIsInTheConsoleFont()
    {
        // Symbols (U+2000 and above) in the console's sources and translations are drawn with
        // the application font, not a fallback the workstation may not have: the package
        // depends on the font (fonts-dejavu-core), and a missing glyph is an empty box.
        std::set<char32_t> symbols;
        const QString root = QStringLiteral(FLOWVIZ_SOURCE_DIR);
        const QRegularExpression escape(QStringLiteral(R"(\\u([0-9A-Fa-f]{4}))"));
        for (const QString &dir : {QStringLiteral("/ui"), QStringLiteral("/app"),
                                   QStringLiteral("/resources/translations")}) {
            QDirIterator it(root + dir, {QStringLiteral("*.cpp"), QStringLiteral("*.ts")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QString text = QString::fromUtf8(f.readAll());
                for (const char32_t c : text.toUcs4())
                    if (c >= 0x2000 && c != 0xfeff)
                        symbols.insert(c);
                for (const auto &m : escape.globalMatch(text))
                    if (const char32_t c = m.captured(1).toUInt(nullptr, 16); c >= 0x2000)
                        symbols.insert(c);
            }
        }
        QVERIFY(symbols.count(0x2714)); // the scan found the PASS tick
        QFont bold = QApplication::font();
        bold.setBold(true);
        QStringList missing;
        for (const QFont &font : {QApplication::font(), bold}) {
            const QRawFont raw = QRawFont::fromFont(font);
            QVERIFY(raw.isValid());
            for (const char32_t c : symbols)
                if (!raw.supportsCharacter(c))
                    missing << QStringLiteral("U+%1 %2 (%3 %4)")
                                   .arg(quint32(c), 4, 16, QLatin1Char('0'))
                                   .arg(QString::fromUcs4(&c, 1), raw.familyName(),
                                        raw.styleName());
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    }

    // Issue 16: a RAW lot's receipt, filled from a supplier's label with every element, fits
    // the Register page with what the label said; in both languages, at both sizes.
    void receiptFitsTheRegisterPage_data() { everyTextFitsOnEveryPage_data(); }

    void receiptFitsTheRegisterPage()
    {
        QFETCH(QString, language);
        QFETCH(QSize, size);
        QVERIFY(m_languages.setLanguage(language));
        m_window->resize(size);
        m_window->showPage(QStringLiteral("register"));
        m_register->parentsTable()->setRowCount(0);
        m_register->typeCombo()->setCurrentIndex(
            m_register->typeCombo()->findData(QStringLiteral("RAW")));
        m_register->handleLabelScan(QStringLiteral("LOT-2026-0815-A7"),
                                    QStringLiteral("(01)09501101530003(17)270300(10)LOT-2026-0815-"
                                                   "A7(37)1200"));
        settleLayouts();
        QVERIFY(!m_register->receiptScanText().isEmpty());
        QCOMPARE(m_window->size(), size);
        const QStringList problems = clippedTexts(m_window.get());
        QVERIFY2(problems.isEmpty(),
                 qPrintable(QLatin1Char('\n') + problems.join(QLatin1Char('\n'))));
    }

private:
    const QString m_lot = QStringLiteral("FRZ-20260114-TEST03-5001");
    const QString m_parentLot = QStringLiteral("RAW-20260114-TEST03-5002");
    QTemporaryDir m_dir;
    std::unique_ptr<TestServer> m_server;
    ui::LanguageManager m_languages;
    std::unique_ptr<app::ConsoleCore> m_core;
    std::unique_ptr<app::LotRegistrar> m_registrar;
    std::unique_ptr<app::DecisionRecorder> m_recorder;
    std::unique_ptr<ui::MainWindow> m_window;
    ui::RegisterLotPage *m_register = nullptr;
    ui::QcDecisionPage *m_qc = nullptr;
};

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"
