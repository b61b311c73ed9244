#include "ui/scanner/scannerinput.h"

#include <QApplication>
#include <QDialog>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QShortcut>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using flowviz::ui::ScannerInput;

namespace {

const QChar GS(0x1D);

} // namespace

// Scanner bursts versus people typing. Every keystroke reaches the focused widget at once; a
// burst that turns out to be a scan is taken back out of it. Most cases run on an injected
// clock, so "fast" and "slow" are exact and nothing depends on how busy the machine is; one
// case uses real time with wide margins.
class TestScannerInput : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void burstIsOneScanAndNothingLeaks();
    void humanTypingPassesThrough();
    void fastButShortIsTyping();
    void burstWithoutEnterIsTyped();
    void humanThenScan();
    void editingKeyEndsTheBurst();
    void typedValueIsInTheFieldWhenATapReadsIt_data();
    void typedValueIsInTheFieldWhenATapReadsIt();
    void tapEndsTheBurst();
    void focusChangeEndsTheBurst();
    void scanRestoresTextCursorAndSelection();
    void scanThroughAValidatorLeavesTheFieldAsItWas();
    void fieldChangedByTheProgramIsNotUndone();
    void scanIntoPlainTextEditIsUndone();
    void passwordIsNeverAScan();
    void scanWhileAModalDialogIsOpenReachesNoPage();
    void scanWhileAPopupIsOpenReachesNoPage();
    void prefixAndSuffixStripped();
    void controlCharacterPrefixSuffixStripped();
    void gs1WithGroupSeparatorKeystroke();
    void doubleScanIsDebounced();
    void shortcutsDoNotFireMidScan();
    void shortcutAfterTypingFires();
    void disabledPassesEverything();
    void realTimeBurstVersusTyping();

private:
    void typeFast(const QString &text, qint64 stepMs = 5, QWidget *to = nullptr);
    void typeSlow(const QString &text) { typeFast(text, 250); }
    void pressEnter(qint64 afterMs = 5, QWidget *to = nullptr);

    qint64 m_now = 1'000'000;
    std::unique_ptr<QWidget> m_window;
    QLineEdit *m_edit = nullptr;
    QLineEdit *m_other = nullptr;
    QPushButton *m_button = nullptr;
    QString m_readByButton; // what the button's slot read from m_edit
    std::unique_ptr<ScannerInput> m_scanner;
};

void TestScannerInput::init()
{
    m_window = std::make_unique<QWidget>();
    auto *layout = new QVBoxLayout(m_window.get());
    m_edit = new QLineEdit(m_window.get());
    layout->addWidget(m_edit);
    m_other = new QLineEdit(m_window.get());
    layout->addWidget(m_other);
    // Like PASS on the QC page or Save on the settings page: its slot reads the field.
    m_button = new QPushButton(QStringLiteral("PASS"), m_window.get());
    layout->addWidget(m_button);
    m_readByButton.clear();
    connect(m_button, &QPushButton::clicked, this, [this] { m_readByButton = m_edit->text(); });
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
    m_other = nullptr;
    m_button = nullptr;
}

void TestScannerInput::typeFast(const QString &text, qint64 stepMs, QWidget *to)
{
    for (const QChar c : text) {
        m_now += stepMs;
        QTest::keyClick(to ? to : m_edit, c.toLatin1());
    }
}

void TestScannerInput::pressEnter(qint64 afterMs, QWidget *to)
{
    m_now += afterMs;
    QTest::keyClick(to ? to : m_edit, Qt::Key_Return);
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
    // What the burst typed is taken back out of the focused line edit, as an edit, and the
    // Enter never reaches it.
    QCOMPARE(m_edit->text(), QString());
    QVERIFY(!edited.isEmpty());
    QCOMPARE(edited.last()[0].toString(), QString());
    QTest::qWait(3 * m_scanner->maxInterKeyInterval());
    QCOMPARE(m_edit->text(), QString());
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
    QCOMPARE(returnPressed.size(), 1);
    QCOMPARE(scanned.size(), 0);
}

void TestScannerInput::burstWithoutEnterIsTyped()
{
    // A scanner configured without an Enter suffix simply types, and nothing is held back.
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    typeFast(QStringLiteral("ABCDEF"));
    QCOMPARE(m_edit->text(), QStringLiteral("ABCDEF"));
    QTest::qWait(3 * m_scanner->maxInterKeyInterval());
    QCOMPARE(m_edit->text(), QStringLiteral("ABCDEF"));
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

void TestScannerInput::editingKeyEndsTheBurst()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy returnPressed(m_edit, &QLineEdit::returnPressed);
    typeFast(QStringLiteral("abcde"));
    m_now += 5;
    QTest::keyClick(m_edit, Qt::Key_Backspace);
    QCOMPARE(m_edit->text(), QStringLiteral("abcd"));
    pressEnter(); // fast, but after an edit: the Enter is the person's
    QCOMPARE(scanned.size(), 0);
    QCOMPARE(returnPressed.size(), 1);
    QCOMPARE(m_edit->text(), QStringLiteral("abcd"));
}

void TestScannerInput::typedValueIsInTheFieldWhenATapReadsIt_data()
{
    QTest::addColumn<qint64>("stepMs");
    QTest::addColumn<qint64>("tapAfterMs");
    QTest::newRow("human speed, tap at once") << qint64(180) << qint64(0);
    QTest::newRow("human speed, tap 1 ms later") << qint64(180) << qint64(1);
    QTest::newRow("scanner speed, tap 1 ms later") << qint64(5) << qint64(1);
    QTest::newRow("scanner speed, tap at once") << qint64(1) << qint64(0);
}

void TestScannerInput::typedValueIsInTheFieldWhenATapReadsIt()
{
    // Finding: "-18" typed and PASS tapped at once recorded -1 and left "8" for the next lot.
    QFETCH(qint64, stepMs);
    QFETCH(qint64, tapAfterMs);
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);

    typeFast(QStringLiteral("-18"), stepMs);
    m_now += tapAfterMs;
    QTest::mouseClick(m_button, Qt::LeftButton);

    QCOMPARE(m_readByButton, QStringLiteral("-18"));
    QCOMPARE(m_edit->text(), QStringLiteral("-18"));
    QTest::qWait(3 * m_scanner->maxInterKeyInterval());
    QCOMPARE(m_edit->text(), QStringLiteral("-18")); // nothing arrives late
    QCOMPARE(scanned.size(), 0);
}

void TestScannerInput::tapEndsTheBurst()
{
    // Scanner-speed keys, a tap, then a fast Enter: the tap makes it a person's input.
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy returnPressed(m_edit, &QLineEdit::returnPressed);
    typeFast(QStringLiteral("LOT-42"));
    m_now += 1;
    QTest::mouseClick(m_button, Qt::LeftButton);
    QCOMPARE(m_readByButton, QStringLiteral("LOT-42"));
    pressEnter(1);
    QCOMPARE(scanned.size(), 0);
    QCOMPARE(returnPressed.size(), 1);
    QCOMPARE(m_edit->text(), QStringLiteral("LOT-42"));
}

void TestScannerInput::focusChangeEndsTheBurst()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    typeFast(QStringLiteral("1234"));
    m_other->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), m_other);
    typeFast(QStringLiteral("56"), 5, m_other);
    pressEnter(5, m_other);
    QCOMPARE(scanned.size(), 0);
    QCOMPARE(m_edit->text(), QStringLiteral("1234"));
    QCOMPARE(m_other->text(), QStringLiteral("56"));
}

void TestScannerInput::scanRestoresTextCursorAndSelection()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    m_edit->setText(QStringLiteral("42.50"));
    m_edit->setCursorPosition(2);
    typeFast(QStringLiteral("RAW-20260114-DUNA01-0001"));
    QCOMPARE(m_edit->text(), QStringLiteral("42RAW-20260114-DUNA01-0001.50")); // typed at once
    pressEnter();
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned[0][0].toString(), QStringLiteral("RAW-20260114-DUNA01-0001"));
    QCOMPARE(m_edit->text(), QStringLiteral("42.50"));
    QCOMPARE(m_edit->cursorPosition(), 2);

    // A selection the scan replaced comes back, selected.
    m_now += 10'000;
    m_edit->setSelection(1, 3); // "2.5"
    typeFast(QStringLiteral("RAW-20260114-DUNA01-0002"));
    QCOMPARE(m_edit->text(), QStringLiteral("4RAW-20260114-DUNA01-00020"));
    pressEnter();
    QCOMPARE(scanned.size(), 2);
    QCOMPARE(m_edit->text(), QStringLiteral("42.50"));
    QCOMPARE(m_edit->selectedText(), QStringLiteral("2.5"));
}

void TestScannerInput::scanThroughAValidatorLeavesTheFieldAsItWas()
{
    // A number field takes some of a label's characters (the digits); all of them go.
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    m_edit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("-?[0-9]*([.,][0-9]*)?")), m_edit));
    m_edit->setText(QStringLiteral("3"));
    typeFast(QStringLiteral("20260114-LOT"));
    QVERIFY(m_edit->text() != QStringLiteral("3"));
    pressEnter();
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(m_edit->text(), QStringLiteral("3"));
}

void TestScannerInput::fieldChangedByTheProgramIsNotUndone()
{
    // Only what the burst typed is taken back: text set by the program meanwhile stays.
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    typeFast(QStringLiteral("LOT-"));
    m_edit->setText(QStringLiteral("from the program"));
    typeFast(QStringLiteral("42"));
    pressEnter();
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(m_edit->text(), QStringLiteral("from the program42"));
}

void TestScannerInput::scanIntoPlainTextEditIsUndone()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    auto *notes = new QPlainTextEdit(m_window.get());
    m_window->layout()->addWidget(notes);
    notes->setPlainText(QStringLiteral("Packaging torn"));
    notes->moveCursor(QTextCursor::End);
    notes->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), notes);
    typeFast(QStringLiteral("LOT-4711"), 5, notes);
    QCOMPARE(notes->toPlainText(), QStringLiteral("Packaging tornLOT-4711"));
    pressEnter(5, notes);
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(notes->toPlainText(), QStringLiteral("Packaging torn"));
}

void TestScannerInput::passwordIsNeverAScan()
{
    // Finding: a password typed at 5 ms a key on the login page was taken for a badge scan
    // and shown, upper-cased, in the user-name field.
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy details(m_scanner.get(), &ScannerInput::scanResult);
    auto *password = new QLineEdit(m_window.get());
    password->setEchoMode(QLineEdit::Password);
    m_window->layout()->addWidget(password);
    QSignalSpy returnPressed(password, &QLineEdit::returnPressed);
    password->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), password);

    typeFast(QStringLiteral("secret-pass-1"), 5, password);
    pressEnter(5, password);

    QCOMPARE(scanned.size(), 0);
    QCOMPARE(details.size(), 0);
    QCOMPARE(password->text(), QStringLiteral("secret-pass-1"));
    QCOMPARE(returnPressed.size(), 1); // the Enter logs in, as typed
    QCOMPARE(m_edit->text(), QString());

    // Nor at any speed, nor when the field only hides its text while it is typed.
    password->clear();
    password->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    typeFast(QStringLiteral("secret-pass-2"), 1, password);
    pressEnter(1, password);
    QCOMPARE(scanned.size(), 0);
    QCOMPARE(password->text(), QStringLiteral("secret-pass-2"));
}

void TestScannerInput::scanWhileAModalDialogIsOpenReachesNoPage()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QSignalSpy details(m_scanner.get(), &ScannerInput::scanResult);
    QDialog dialog(m_window.get());
    auto *layout = new QVBoxLayout(&dialog);
    auto *field = new QLineEdit(&dialog);
    layout->addWidget(field);
    auto *ok = new QPushButton(QStringLiteral("OK"), &dialog);
    ok->setDefault(true);
    layout->addWidget(ok);
    connect(ok, &QPushButton::clicked, &dialog, &QDialog::accept);
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.setModal(true);
    dialog.show();
    QTRY_COMPARE(QApplication::activeModalWidget(), &dialog);
    field->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), field);

    typeFast(QStringLiteral("RAW-20260114-DUNA01-0001"), 5, field);
    pressEnter(5, field);

    // Nothing reaches the pages; the dialog keeps what was typed into it, and the scanner's
    // Enter does not press the dialog's default button.
    QCOMPARE(scanned.size(), 0);
    QCOMPARE(details.size(), 0);
    QCOMPARE(field->text(), QStringLiteral("RAW-20260114-DUNA01-0001"));
    QCOMPARE(accepted.size(), 0);
    QVERIFY(dialog.isVisible());
    QCOMPARE(m_edit->text(), QString());

    // A person's Enter still does.
    pressEnter(400, field);
    QCOMPARE(accepted.size(), 1);
    QCOMPARE(scanned.size(), 0);

    // Once the dialog is closed, scans reach the pages again.
    QTRY_VERIFY(!QApplication::activeModalWidget());
    m_edit->setFocus();
    m_now += 10'000;
    typeFast(QStringLiteral("RAW-20260114-DUNA01-0002"));
    pressEnter();
    QCOMPARE(scanned.size(), 1);
}

void TestScannerInput::scanWhileAPopupIsOpenReachesNoPage()
{
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);
    QWidget popup(m_window.get(), Qt::Popup);
    auto *layout = new QVBoxLayout(&popup);
    auto *field = new QLineEdit(&popup);
    layout->addWidget(field);
    popup.show();
    QTRY_COMPARE(QApplication::activePopupWidget(), &popup);

    typeFast(QStringLiteral("RAW-20260114-DUNA01-0001"), 5, field);
    pressEnter(5, field);
    QCOMPARE(scanned.size(), 0);
    QCOMPARE(m_edit->text(), QString());
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

void TestScannerInput::shortcutAfterTypingFires()
{
    // Found under Xvfb: a temperature typed, then Ctrl+S (the Save button's shortcut) did
    // nothing, because the typed value still counted as a burst and Ctrl+S's control character
    // was kept for the field as scanner framing.
    auto *save = new QPushButton(QStringLiteral("Save"), m_window.get());
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_S));
    m_window->layout()->addWidget(save);
    save->show(); // the window is shown already
    QSignalSpy clicked(save, &QPushButton::clicked);
    QSignalSpy scanned(m_scanner.get(), &ScannerInput::scanned);

    typeSlow(QStringLiteral("3.2"));
    m_now += 300;
    QTest::sendKeyEvent(QTest::Click, m_edit, Qt::Key_S, QString(QChar(0x13)), Qt::ControlModifier);
    QTRY_COMPARE(clicked.size(), 1); // a shortcut clicks the button a moment later (animateClick)
    QCOMPARE(m_edit->text(), QStringLiteral("3.2"));

    // Typed fast and short (a person's quick fingers), then Ctrl+S a moment later: the same.
    m_edit->clear();
    typeFast(QStringLiteral("12"));
    m_now += 300;
    QTest::sendKeyEvent(QTest::Click, m_edit, Qt::Key_S, QString(QChar(0x13)), Qt::ControlModifier);
    QTRY_COMPARE(clicked.size(), 2);
    QCOMPARE(m_edit->text(), QStringLiteral("12"));

    // Inside a scan, the same keystroke is the scanner's: it fires nothing and is no text.
    m_edit->clear();
    typeFast(QStringLiteral("LOT-S42"));
    m_now += 5;
    QTest::sendKeyEvent(QTest::Click, m_edit, Qt::Key_S, QString(QChar(0x13)), Qt::ControlModifier);
    typeFast(QStringLiteral("7"));
    pressEnter();
    QTest::qWait(300); // longer than a shortcut's click takes
    QCOMPARE(clicked.size(), 2);
    QCOMPARE(scanned.size(), 1);
    QCOMPARE(scanned[0][0].toString(), QStringLiteral("LOT-S427"));
    QCOMPARE(m_edit->text(), QString());
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
