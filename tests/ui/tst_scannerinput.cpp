#include "scanner/scannerinput.h"

#include <QApplication>
#include <QLineEdit>
#include <QShortcut>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using flowviz::ui::ScannerInput;

namespace {

const QChar GS(0x1D);

} // namespace

// Scanner bursts versus people typing. Most cases run on an injected clock, so "fast" and
// "slow" are exact and nothing depends on how busy the machine is; one case uses real time
// with wide margins.
class TestScannerInput : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void burstIsOneScanAndNothingLeaks();
    void humanTypingPassesThrough();
    void fastButShortIsTyping();
    void burstWithoutEnterIsReplayed();
    void humanThenScan();
    void editingKeyEndsTheHold();
    void prefixAndSuffixStripped();
    void controlCharacterPrefixSuffixStripped();
    void gs1WithGroupSeparatorKeystroke();
    void doubleScanIsDebounced();
    void shortcutsDoNotFireMidScan();
    void disabledPassesEverything();
    void realTimeBurstVersusTyping();

private:
    void typeFast(const QString &text, qint64 stepMs = 5);
    void typeSlow(const QString &text) { typeFast(text, 250); }
    void pressEnter(qint64 afterMs = 5);

    qint64 m_now = 1'000'000;
    std::unique_ptr<QWidget> m_window;
    QLineEdit *m_edit = nullptr;
    std::unique_ptr<ScannerInput> m_scanner;
};

void TestScannerInput::init()
{
    m_window = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(m_window.get());
    m_edit = new QLineEdit(m_window.get());
    layout->addWidget(m_edit);
    m_window->show();
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_edit->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), m_edit);

    m_scanner = std::make_unique<ScannerInput>();
    m_scanner->setClock([this] { return m_now; });
    qApp->installEventFilter(m_scanner.get());
}

void TestScannerInput::cleanup()
{
    m_scanner.reset(); // its destructor removes the filter from qApp
    m_window.reset();
    m_edit = nullptr;
}

void TestScannerInput::typeFast(const QString &text, qint64 stepMs)
{
    for (const QChar c : text) {
        m_now += stepMs;
        QTest::keyClick(m_edit, c.toLatin1());
    }
}

void TestScannerInput::pressEnter(qint64 afterMs)
{
    m_now += afterMs;
    QTest::keyClick(m_edit, Qt::Key_Return);
}

void TestScannerInput::burstIsOneScanAndNothingLeaks()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy returnPressed(m_edit, &QLineEdit::returnPressed);
    QSignalSpy edited(m_edit, &QLineEdit::textEdited);

    typeFast(QStringLiteral("bulk-20260114-duna01-5001"));
    pressEnter();

    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned[0][0].toString(), QStringLiteral("BULK-20260114-DUNA01-5001"));
    QCOMPARE(scanned[0][1].toString(), QStringLiteral("bulk-20260114-duna01-5001"));
    // Not one keystroke reached the focused line edit, not even after the hold time.
    QTest::qWait(3 * m_scanner->maxInterKeyInterval());
    QCOMPARE(m_edit->text(), QString());
    QCOMPARE(edited.size(), 0);
    QCOMPARE(returnPressed.size(), 0);
}

void TestScannerInput::humanTypingPassesThrough()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy returnPressed(m_edit, &QLineEdit::returnPressed);

    typeSlow(QStringLiteral("lot-42"));
    pressEnter(250);

    QCOMPARE(m_edit->text(), QStringLiteral("lot-42"));
    QCOMPARE(returnPressed.size(), 1);
    QCOMPARE(scanned.size(), 0);
}

void TestScannerInput::fastButShortIsTyping()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy returnPressed(m_edit, &QLineEdit::returnPressed);
    m_scanner->setMinLength(4);

    typeFast(QStringLiteral("ab"));
    pressEnter();

    QCOMPARE(m_edit->text(), QStringLiteral("ab"));
    QCOMPARE(returnPressed.size(), 1); // after the replayed text, in order
    QCOMPARE(scanned.size(), 0);
}

void TestScannerInput::burstWithoutEnterIsReplayed()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    typeFast(QStringLiteral("ABCDEF"));
    QCOMPARE(m_edit->text(), QString()); // held while it may still become a scan
    QTRY_COMPARE(m_edit->text(), QStringLiteral("ABCDEF"));
    QCOMPARE(scanned.size(), 0);
}

void TestScannerInput::humanThenScan()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    typeSlow(QStringLiteral("12"));
    m_now += 1000;
    typeFast(QStringLiteral("MIX-20260114-DUNA01-0007"));
    pressEnter();
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned[0][0].toString(), QStringLiteral("MIX-20260114-DUNA01-0007"));
    QCOMPARE(m_edit->text(), QStringLiteral("12"));
}

void TestScannerInput::editingKeyEndsTheHold()
{
    typeFast(QStringLiteral("abc"));
    m_now += 5;
    QTest::keyClick(m_edit, Qt::Key_Backspace); // replays "abc" first, then deletes
    QCOMPARE(m_edit->text(), QStringLiteral("ab"));
}

void TestScannerInput::prefixAndSuffixStripped()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    m_scanner->setPrefix(QStringLiteral("#S"));
    m_scanner->setSuffix(QStringLiteral("#E"));

    typeFast(QStringLiteral("#SLOT-42#E"));
    pressEnter();

    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned[0][0].toString(), QStringLiteral("LOT-42"));
    QCOMPARE(scanned[0][1].toString(), QStringLiteral("LOT-42"));
    QCOMPARE(m_edit->text(), QString());

    // Without them, the data is used as it comes.
    m_now += 10'000;
    typeFast(QStringLiteral("LOT-43"));
    pressEnter();
    QCOMPARE(scanned.size(), 2);
    QCOMPARE(scanned[1][0].toString(), QStringLiteral("LOT-43"));
}

void TestScannerInput::controlCharacterPrefixSuffixStripped()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    // Wedges type STX and ETX as Ctrl+B and Ctrl+C.
    m_now += 5;
    QTest::sendKeyEvent(QTest::Click, m_edit, Qt::Key_B, QString(QChar(0x02)), Qt::ControlModifier);
    typeFast(QStringLiteral("LOT-44"));
    m_now += 5;
    QTest::sendKeyEvent(QTest::Click, m_edit, Qt::Key_C, QString(QChar(0x03)), Qt::ControlModifier);
    pressEnter();

    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned[0][0].toString(), QStringLiteral("LOT-44"));
    QCOMPARE(scanned[0][1].toString(), QStringLiteral("LOT-44"));
    QCOMPARE(m_edit->text(), QString());

    // The same through processScan(), with a configured control-character prefix.
    m_scanner->setPrefix(QStringLiteral("\x02"));
    m_scanner->setSuffix(QStringLiteral("\r\n"));
    QVERIFY(m_scanner->processScan(QStringLiteral("\x02 LOT-45\x04\r\n")));
    QCOMPARE(scanned.last()[1].toString(), QStringLiteral("LOT-45"));
}

void TestScannerInput::gs1WithGroupSeparatorKeystroke()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy details(m_scanner.get(), &ScannerInput::scanResult);

    typeFast(QStringLiteral("]C10109501101530003") + QStringLiteral("10lot-42"));
    m_now += 5;
    QTest::sendKeyEvent(QTest::Click, m_edit, Qt::Key_BracketRight, QString(GS),
                        Qt::ControlModifier);
    typeFast(QStringLiteral("21SN7"));
    pressEnter();

    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned[0][0].toString(), QStringLiteral("LOT-42"));
    QCOMPARE(scanned[0][1].toString(), QStringLiteral("]C10109501101530003") +
                                           QStringLiteral("10lot-42") + GS +
                                           QStringLiteral("21SN7"));
    QCOMPARE(details.size(), 1);
    const auto result = details[0][0].value<flowviz::app::ScanResult>();
    QCOMPARE(result.format, flowviz::app::ScanResult::Format::Gs1);
    QCOMPARE(result.value(u"21"), QStringLiteral("SN7"));
    QVERIFY(result.isValid());
    QCOMPARE(m_edit->text(), QString());
}

void TestScannerInput::doubleScanIsDebounced()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    m_scanner->setDebounceInterval(1500);

    typeFast(QStringLiteral("LOT-42"));
    pressEnter();
    m_now += 400;
    typeFast(QStringLiteral("lot-42")); // the same code, read again
    pressEnter();
    QCOMPARE(scanned.size(), 1);

    m_now += 1500;
    typeFast(QStringLiteral("LOT-42")); // deliberately scanned again, later
    pressEnter();
    QCOMPARE(scanned.size(), 2);

    m_now += 100;
    typeFast(QStringLiteral("LOT-43")); // another label at once is not a double scan
    pressEnter();
    QCOMPARE(scanned.size(), 3);
    QCOMPARE(m_edit->text(), QString());
}

void TestScannerInput::shortcutsDoNotFireMidScan()
{
    QShortcut shortcut(QKeySequence(Qt::Key_K), m_window.get());
    QSignalSpy activated(&shortcut, &QShortcut::activated);
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);

    typeFast(QStringLiteral("LOT-K42"));
    pressEnter();

    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned[0][0].toString(), QStringLiteral("LOT-K42"));
    QCOMPARE(activated.size(), 0);
}

void TestScannerInput::disabledPassesEverything()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    m_scanner->setEnabled(false);
    typeFast(QStringLiteral("LOT-42"));
    pressEnter();
    QCOMPARE(m_edit->text(), QStringLiteral("LOT-42"));
    QCOMPARE(scanned.size(), 0);
}

void TestScannerInput::realTimeBurstVersusTyping()
{
    m_scanner->setClock({});
    // Generous margins: a "scanner" with no delay at all against a 150 ms limit, a "person"
    // at 400 ms per key.
    m_scanner->setMaxInterKeyInterval(150);
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);

    QTest::keyClicks(m_edit, QStringLiteral("abcd"), Qt::NoModifier, 400);
    QTest::keyClick(m_edit, Qt::Key_Return, Qt::NoModifier, 400);
    QCOMPARE(m_edit->text(), QStringLiteral("abcd"));
    QCOMPARE(scanned.size(), 0);

    QTest::keyClicks(m_edit, QStringLiteral("FG-20260114-DUNA01-0001"));
    QTest::keyClick(m_edit, Qt::Key_Return);
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned[0][0].toString(), QStringLiteral("FG-20260114-DUNA01-0001"));
    QTest::qWait(400);
    QCOMPARE(m_edit->text(), QStringLiteral("abcd"));
}

QTEST_MAIN(TestScannerInput)
#include "tst_scannerinput.moc"
